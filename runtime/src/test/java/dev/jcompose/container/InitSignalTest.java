package dev.jcompose.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.host.HostPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitSignalTest {
    @TempDir
    Path dir;

    @Test
    void signalNamesAsImagesAndComposeFilesWriteThem() {
        assertThat(InitSignal.number("SIGTERM")).isEqualTo(OptionalInt.of(15));
        assertThat(InitSignal.number("term")).isEqualTo(OptionalInt.of(15));
        assertThat(InitSignal.number("SIGQUIT")).isEqualTo(OptionalInt.of(3));
        assertThat(InitSignal.number("9")).isEqualTo(OptionalInt.of(9));
        assertThat(InitSignal.number("SIGRTMIN+3")).isEmpty();
        assertThat(InitSignal.number("SIGNOPE")).isEmpty();
        assertThat(InitSignal.number("99")).isEmpty();
    }

    @Test
    void aPidWhoseParentIsNotTheContainersConmonIsLeftToTheRuntime() throws Exception {
        ContainerDirs dirs = ContainerDirs.of(new HostPaths(dir.resolve("data"), dir.resolve("run")), "c1");
        Files.createDirectories(dirs.containerPidFile().getParent());
        Files.createDirectories(dirs.conmonPidFile().getParent());
        Files.createDirectories(dirs.exitDir());
        long self = ProcessHandle.current().pid();
        // this JVM stands for a reused pid: alive, but its parent is not the conmon the files name
        Files.writeString(dirs.containerPidFile(), Long.toString(self));
        Files.writeString(dirs.conmonPidFile(), Long.toString(self));
        assertThat(InitSignal.send(dirs, "c1", "SIGCONT")).isFalse();
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        Files.writeString(dirs.conmonPidFile(), Long.toString(parent));
        Files.writeString(dirs.exitDir().resolve("c1"), "0");
        assertThat(InitSignal.send(dirs, "c1", "SIGCONT"))
                .as("exited: conmon wrote its exit")
                .isFalse();
        Files.delete(dirs.exitDir().resolve("c1"));
        // SIGCONT to a running process changes nothing: the one case here that is sent
        assertThat(InitSignal.send(dirs, "c1", "SIGCONT")).isTrue();
        assertThat(InitSignal.send(dirs, "c1", "SIGRTMIN+3")).isFalse();
    }
}
