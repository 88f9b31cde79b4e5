package dev.jcompose.daemon;

import dev.jcompose.JcomposeException;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts an engine process: the running JVM's own {@code java} and class
 * path, so the engine is exactly the build the CLI is. Started through {@code setsid} when the host
 * has it, so the engine leaves the CLI's session and terminal: a Ctrl-C or a closed terminal never
 * reaches it.
 */
public record EngineCommand(List<String> argv) {
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    public EngineCommand {
        argv = List.copyOf(argv);
    }

    /**
     * Netty loads its epoll library and uses {@code sun.misc.Unsafe}; newer JDKs warn about both on
     * every start, filling the engine log. The flags exist only from the JDK versions that warn.
     */
    static List<String> quietNetty(int javaFeatureVersion) {
        List<String> options = new ArrayList<>();
        if (javaFeatureVersion >= 22) {
            options.add("--enable-native-access=ALL-UNNAMED");
        }
        if (javaFeatureVersion >= 24) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return options;
    }

    /**
     * Where {@code anchor} was loaded from: the JVM's class path, or the jars of the loader of its own
     * that the thin client gives the whole CLI when the launcher left it off the class path.
     */
    static String classPath(Class<?> anchor) {
        if (anchor.getClassLoader() instanceof URLClassLoader loader) {
            List<String> jars = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    jars.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new JcomposeException(
                            "cannot start the engine: its class path holds " + url + ", not a file",
                            "reinstall jcompose (lib/ holds jcompose.jar)",
                            1,
                            e);
                }
            }
            return String.join(File.pathSeparator, jars);
        }
        return System.getProperty("java.class.path");
    }

    /** {@code [setsid] java [jvmOptions] -cp <this class path> EngineMain --run-root <runRoot> [engineArgs]}. */
    public static EngineCommand sameJvm(Path runRoot, List<String> jvmOptions, List<String> engineArgs) {
        List<String> argv = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            argv.add(SETSID.toString());
        }
        argv.add(ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        argv.addAll(quietNetty(Runtime.version().feature()));
        argv.addAll(jvmOptions);
        argv.add("-cp");
        argv.add(classPath(EngineMain.class));
        argv.add(EngineMain.class.getName());
        argv.add("--run-root");
        argv.add(runRoot.toString());
        argv.addAll(engineArgs);
        return new EngineCommand(argv);
    }
}
