package dev.jcompose.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineCommandTest {
    @Test
    void startsThisJvmsJavaWithThisClassPathInItsOwnSession() {
        List<String> argv = EngineCommand.sameJvm(Path.of("/run/jcompose"), List.of("-Xmx64m"), List.of())
                .argv();

        assertThat(argv.getFirst()).isEqualTo("/usr/bin/setsid");
        assertThat(argv.get(1))
                .isEqualTo(ProcessHandle.current().info().command().orElseThrow());
        int classPath = argv.indexOf("-cp") + 1;
        assertThat(argv.get(classPath)).isEqualTo(System.getProperty("java.class.path"));
        assertThat(argv.get(classPath - 2)).isEqualTo("-Xmx64m");
        assertThat(argv.subList(classPath + 1, argv.size()))
                .containsExactly("dev.jcompose.daemon.EngineMain", "--run-root", "/run/jcompose");
    }

    @Test
    void aCliLoadedByALoaderOfItsOwnStartsTheEngineFromThatLoadersJar(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("jcompose.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                InputStream bytes = Anchor.class.getResourceAsStream("EngineCommandTest$Anchor.class")) {
            out.putNextEntry(new JarEntry(Anchor.class.getName().replace('.', '/') + ".class"));
            bytes.transferTo(out);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Class<?> anchor = Class.forName(Anchor.class.getName(), false, loader);

            assertThat(EngineCommand.classPath(anchor)).isEqualTo(jar.toString());
        }
        assertThat(EngineCommand.classPath(EngineCommand.class)).isEqualTo(System.getProperty("java.class.path"));
    }

    /** A class with no dependencies, to load from a jar of its own. */
    public static final class Anchor {}

    @Test
    void nettyWarningFlagsOnlyWhereTheJdkKnowsThem() {
        assertThat(EngineCommand.quietNetty(21)).isEmpty();
        assertThat(EngineCommand.quietNetty(22)).containsExactly("--enable-native-access=ALL-UNNAMED");
        assertThat(EngineCommand.quietNetty(25))
                .containsExactly("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow");
    }
}
