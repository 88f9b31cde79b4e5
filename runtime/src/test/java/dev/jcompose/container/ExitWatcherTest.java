package dev.jcompose.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExitWatcherTest {
    @TempDir
    Path dir;

    @Test
    void theExitTimeIsWhenConmonWroteTheExitFileNotWhenSomebodyLooked() throws IOException {
        Path exit = dir.resolve("abc");
        Files.writeString(exit, "3");
        Instant exitedAt = Instant.parse("2026-11-23T04:00:01Z");
        Files.setLastModifiedTime(exit, FileTime.from(exitedAt));

        assertThat(ExitWatcher.read(exit)).contains(3);
        assertThat(ExitWatcher.exitedAt(exit)).contains(exitedAt);
        assertThat(ExitWatcher.exitedAt(dir.resolve("none"))).isEmpty();
    }
}
