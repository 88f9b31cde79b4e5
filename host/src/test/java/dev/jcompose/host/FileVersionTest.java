package dev.jcompose.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's version stays while nobody touches it and changes when a new file is renamed over it. */
class FileVersionTest {
    @TempDir
    Path dir;

    @Test
    void theSameFileIsTheSameVersionAndAReplacedOneIsAnother() throws Exception {
        Path file = Files.writeString(dir.resolve("state.json"), "{\"a\":1}");
        FileVersion first = FileVersion.of(file).orElseThrow();
        assertThat(FileVersion.of(file)).contains(first);

        Path next = Files.writeString(dir.resolve("state.json.tmp"), "{\"a\":2}"); // same size, new file
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        assertThat(FileVersion.of(file).orElseThrow()).isNotEqualTo(first);
    }

    @Test
    void noFileIsNoVersion() throws Exception {
        assertThat(FileVersion.of(dir.resolve("missing"))).isEmpty();
    }
}
