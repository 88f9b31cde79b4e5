package dev.jcompose.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
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

    @Test
    void aLiveProcessIsNotReapedAndAnEndedOneIs() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sleep", "30").start();
        try {
            long start = ExitWatcher.startTime(p.pid()).orElseThrow();
            assertThat(ExitWatcher.awaitReaped(p.pid(), start, Duration.ofMillis(30)))
                    .isFalse();
            p.destroyForcibly();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue(); // the JDK reaps its child
            assertThat(ExitWatcher.awaitReaped(p.pid(), start, Duration.ofSeconds(10)))
                    .isTrue();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void anotherStartTimeAtThePidIsAnotherProcess() {
        long self = ProcessHandle.current().pid();
        long start = ExitWatcher.startTime(self).orElseThrow();
        assertThat(ExitWatcher.awaitReaped(self, start + 1, Duration.ZERO)).isTrue();
        assertThat(ExitWatcher.startTime(Long.MAX_VALUE)).isEmpty();
    }
}
