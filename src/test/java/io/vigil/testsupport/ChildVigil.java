package io.vigil.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vigil} commands run as processes of their own, on the test's class path, each writing its output to
 * {@code NAME.log} in a folder: what a test needs to kill a collector with SIGKILL and start the next one.
 * {@link #close} kills whatever is still running.
 */
public final class ChildVigil implements AutoCloseable {

    private final Path folder;
    private final List<Process> children = new ArrayList<>();

    public ChildVigil(Path folder) {
        this.folder = folder;
    }

    /** Starts {@code vigil ARGS} with a 256 MB heap; its output goes to {@code NAME.log}. */
    public Process start(String name, String... args) throws IOException {
        return start(name, java.util.Map.of(), args);
    }

    /** As {@link #start(String, String...)}, with these environment variables set (an empty value removes one). */
    public Process start(String name, java.util.Map<String, String> env, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", cp, "io.vigil.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(folder.resolve(name + ".log").toFile());
        env.forEach((k, v) -> {
            if (v.isEmpty()) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Process p = pb.start();
        children.add(p);
        return p;
    }

    /** What the process started as {@code name} has written so far. */
    public String output(String name) {
        try {
            return Files.readString(folder.resolve(name + ".log"));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    @Override
    public void close() {
        children.forEach(Process::destroyForcibly);
    }
}
