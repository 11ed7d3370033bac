package io.vigil;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings of the C libraries under the process, made before anything else starts, that keep its resident memory down
 * (see docs/benchmarks.md, Memory). Linux only, with native access enabled; a failure changes nothing but memory.
 * <ul>
 *   <li>GTK 3 probes the display's OpenGL visuals when it opens the display, which loads the system's OpenGL driver
 *       (with Mesa's software renderer, its LLVM: about 45 MB resident) although JavaFX never draws through GTK's
 *       OpenGL. {@code GDK_GL=disable} stops the probe; JavaFX's own hardware pipeline opens OpenGL itself and is not
 *       affected. A value the user set is left alone.</li>
 *   <li>glibc gives threads up to eight malloc arenas per core, each keeping the memory its threads freed; two are
 *       plenty for the console and the collector ({@code mallopt(M_ARENA_MAX, 2)}, as {@code MALLOC_ARENA_MAX=2} would, unless that is set).</li>
 * </ul>
 */
final class NativeTuning {

    private static final Logger LOG = LoggerFactory.getLogger(NativeTuning.class);
    private static final int M_ARENA_MAX = -8;

    private NativeTuning() {
    }

    /** Applies both settings; returns how many took effect. */
    static int apply() {
        // without --enable-native-access (the launcher passes it) the JDK would print a warning at the first native call
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                || !NativeTuning.class.getModule().isNativeAccessEnabled()) {
            return 0;
        }
        int applied = 0;
        try (Arena arena = Arena.ofConfined()) {
            Linker linker = Linker.nativeLinker();
            if (System.getenv("MALLOC_ARENA_MAX") == null) {
                MethodHandle mallopt = linker.downcallHandle(linker.defaultLookup().find("mallopt").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
                applied += (int) mallopt.invokeExact(M_ARENA_MAX, 2) == 1 ? 1 : 0;
            }
            if (System.getenv("GDK_GL") == null) {
                MethodHandle setenv = linker.downcallHandle(linker.defaultLookup().find("setenv").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
                applied += (int) setenv.invokeExact(arena.allocateFrom("GDK_GL"), arena.allocateFrom("disable"), 0) == 0 ? 1 : 0;
            }
        } catch (Throwable e) {
            LOG.debug("native settings not applied", e);
        }
        return applied;
    }
}
