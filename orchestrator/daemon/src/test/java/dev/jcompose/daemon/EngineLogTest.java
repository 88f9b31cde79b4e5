package dev.jcompose.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineLogTest {
    @TempDir
    Path dir;

    @Test
    void aLogOverTheLimitBecomesTheOnePreviousLog() throws IOException {
        Path log = dir.resolve("engine.log");
        Files.writeString(EngineLog.previous(log), "older\n");
        Files.writeString(log, "x".repeat(101));

        assertThat(EngineLog.rotate(log, 100)).isTrue();

        assertThat(log).doesNotExist();
        assertThat(dir.resolve("engine.log.1")).hasContent("x".repeat(101));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("engine.log.1");
        }
    }

    @Test
    void aLogWithinTheLimitOrNoLogIsLeftAlone() throws IOException {
        Path log = dir.resolve("engine.log");
        assertThat(EngineLog.rotate(log, 100)).isFalse();
        Files.writeString(log, "x".repeat(100));
        assertThat(EngineLog.rotate(log, 100)).isFalse();
        assertThat(log).hasContent("x".repeat(100));
        assertThat(EngineLog.previous(log)).doesNotExist();
    }
}
