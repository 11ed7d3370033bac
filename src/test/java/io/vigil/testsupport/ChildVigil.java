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
public final class ChildVigil implements AutoCloseable, org.junit.jupiter.api.extension.AfterEachCallback {

    private final java.util.function.Supplier<Path> folder;
    private final List<Process> children = new ArrayList<>();

    /**
     * As a test's extension ({@code @RegisterExtension}), with the folder given when it is first needed (a
     * {@code @TempDir} field is set after the test's construction); every child still running is killed after each test.
     */
    public ChildVigil(java.util.function.Supplier<Path> folder) {
        this.folder = folder;
    }

    @Override
    public void afterEach(org.junit.jupiter.api.extension.ExtensionContext context) {
        close();
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
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(folder.get().resolve(name + ".log").toFile());
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
            return Files.readString(folder.get().resolve(name + ".log"));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    @Override
    public void close() {
        children.forEach(Process::destroyForcibly);
    }
}
