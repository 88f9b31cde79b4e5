package dev.jcompose.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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

        try (EngineLock lock = EngineLock.tryAcquire(directory).orElseThrow()) {
            assertThat(Files.readString(directory.pidFile())).isEqualTo(self + "\n");
            assertThat(EngineLock.recordedPid(directory)).contains(self);
            assertThat(EngineLock.tryAcquire(directory)).isEmpty();
        }

        assertThat(directory.pidFile()).doesNotExist();
        assertThat(directory.lock()).exists();
        Optional<EngineLock> again = EngineLock.tryAcquire(directory);
        assertThat(again).isPresent();
        again.get().close();
    }

    @Test
    void anEngineThatFindsTheLockTakenExitsZeroWithoutTouchingTheOwnersFiles() throws Exception {
        EngineDirectory directory = EngineDirectory.under(runRoot).secure();
        try (EngineLock owner = EngineLock.tryAcquire(directory).orElseThrow()) {
            assertThat(EngineMain.run(new String[] {"--run-root", runRoot.toString()})).isZero();

            assertThat(EngineLock.recordedPid(directory)).contains(ProcessHandle.current().pid());
            assertThat(directory.socket()).doesNotExist();
        }
    }

    @Test
    void engineMainRejectsABadCommandLine() {
        assertThat(EngineMain.run(new String[] {"--run-root"})).isEqualTo(16);
    }
}
