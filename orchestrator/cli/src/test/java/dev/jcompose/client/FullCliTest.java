package dev.jcompose.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the whole CLI comes from when the engine cannot take a command: the class path when the
 * launcher put the big jar there, else the jar beside the client's (the thin way's class path holds
 * the client alone); a broken install says what is missing. And the launcher's training run of the
 * thin way's cache speaks the wire as a thin client does.
 */
class FullCliTest {
    @TempDir
    Path dir;

    /** A class with no dependencies, to put in a jar of its own. */
    public static final class Probe {}

    @Test
    void theCliComesFromTheClassPathWhenItIsThere() {
        assertThat(FullCli.load(FullCli.MAIN, FullCli.class.getClassLoader(), null)
                        .getName())
                .isEqualTo("dev.jcompose.cli.Main");
    }

    @Test
    void elseFromTheJarBesideTheClientsThroughALoaderOfItsOwn() throws Exception {
        String name = Probe.class.getName();
        Path jar = dir.resolve(FullCli.JAR);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                InputStream bytes = Probe.class.getResourceAsStream("FullCliTest$Probe.class")) {
            out.putNextEntry(new JarEntry(name.replace('.', '/') + ".class"));
            bytes.transferTo(out);
        }
        Path client = Files.createFile(dir.resolve("jcompose-client.jar"));

        Class<?> loaded = FullCli.load(name, ClassLoader.getPlatformClassLoader(), client);

        assertThat(loaded).isNotSameAs(Probe.class);
        assertThat(loaded.getClassLoader()).isInstanceOf(URLClassLoader.class);
        assertThat(((URLClassLoader) loaded.getClassLoader()).getURLs())
                .containsExactly(jar.toUri().toURL());
    }

    @Test
    void aMissingBigJarSaysWhatToDo() throws Exception {
        Path client = Files.createFile(dir.resolve("jcompose-client.jar"));

        assertThatThrownBy(() -> FullCli.load(FullCli.MAIN, ClassLoader.getPlatformClassLoader(), client))
                .hasMessageContaining(dir.resolve("jcompose.jar") + " does not exist")
                .hasMessageContaining("reinstall jcompose");
        assertThatThrownBy(() -> FullCli.load(FullCli.MAIN, ClassLoader.getPlatformClassLoader(), null))
                .hasMessageContaining("not in a jar");
    }

    @Test
    void theTrainingRunSendsACommandAsAThinClientDoes() throws Exception {
        assertThat(AotTraining.session(false)).isZero();
    }
}
