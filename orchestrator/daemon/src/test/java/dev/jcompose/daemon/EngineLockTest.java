package dev.jcompose.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.JcomposeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineLockTest {
    @TempDir
    Path runRoot;

    @Test
    void theLockIsExclusiveAndRecordsThePid() throws Exception {
        EngineDirectory directory = EngineDirectory.under(runRoot).secure();
        long self = ProcessHandle.current().pid();

        assertThat(EngineLock.isHeld(directory)).isFalse();
        try (EngineLock lock = EngineLock.tryAcquire(directory).orElseThrow()) {
            assertThat(EngineLock.isHeld(directory)).isTrue();
            assertThat(Files.readString(directory.pidFile())).isEqualTo(self + "\n");
            assertThat(EngineLock.recordedPid(directory)).contains(self);
            assertThat(EngineLock.tryAcquire(directory)).isEmpty();
        }

        assertThat(directory.pidFile()).doesNotExist();
        assertThat(directory.lock()).exists();
        assertThat(EngineLock.isHeld(directory)).isFalse();
        Optional<EngineLock> again = EngineLock.tryAcquire(directory);
        assertThat(again).isPresent();
        again.get().close();
    }

    @Test
    void anEngineThatFindsTheLockTakenExitsZeroWithoutTouchingTheOwnersFiles() throws Exception {
        EngineDirectory directory = EngineDirectory.under(runRoot).secure();
        try (EngineLock owner = EngineLock.tryAcquire(directory).orElseThrow()) {
            assertThat(EngineMain.run(new String[] {"--run-root", runRoot.toString()}))
                    .isZero();

            assertThat(EngineLock.recordedPid(directory))
                    .contains(ProcessHandle.current().pid());
            assertThat(directory.socket()).doesNotExist();
        }
    }

    @Test
    void engineMainRejectsABadCommandLine() {
        assertThatThrownBy(() -> EngineMain.run(new String[] {"--run-root"}))
                .isInstanceOfSatisfying(JcomposeException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo(
                                    "bad engine command line: --run-root <dir> is required and every option takes a value");
                    assertThat(e.hint()).isEqualTo(EngineMain.USAGE);
                    assertThat(e.exitCode()).isEqualTo(16);
                });
        assertThatThrownBy(() -> EngineMain.Options.parse(new String[] {"--run-root", "/r", "--idle", "1m"}))
                .hasMessage("bad engine command line: unknown option --idle");
        assertThatThrownBy(() -> EngineMain.Options.parse(new String[] {"--run-root", "/r", "--idle-timeout", "0s"}))
                .hasMessage("bad engine command line: --idle-timeout must be positive, got 0s");
        assertThat(EngineMain.Options.parse(new String[] {"--idle-timeout", "1m30s", "--run-root", "/r"}))
                .isEqualTo(new EngineMain.Options(Path.of("/r"), Optional.of(Duration.ofSeconds(90))));
    }
}
