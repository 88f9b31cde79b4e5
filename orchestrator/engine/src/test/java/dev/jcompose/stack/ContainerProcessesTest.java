package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.api.ContainerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code top}'s columns from /proc's text, as ps -ef computes them. */
class ContainerProcessesTest {
    static final Instant BOOT = Instant.parse("2026-12-07T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aProcessFromItsStatStatusAndCmdline() {
        // 52 fields: pid (comm) state ppid pgrp session tty_nr ... utime(14) stime(15) ... starttime(22)
        String stat = "4242 (sh (x)) S 4200 4242 4242 34817 4242 4194560 100 0 0 0 250 50 0 0 20 0 1 0 360000"
                + " 1000 100 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
        String status = "Name:\tsh\nUid:\t0\t1000\t1000\t1000\nGid:\t0\t0\t0\t0\n";
        Instant now = BOOT.plusSeconds(3600 + 300);
        ContainerProcess p =
                new ContainerProcesses(dir, now).process(stat, status, "sh\0-c\0sleep 1\0", BOOT, Map.of(1000L, "app"));
        assertThat(p.pid()).isEqualTo(4242);
        assertThat(p.ppid()).isEqualTo(4200);
        assertThat(p.user()).as("the effective uid, by name").isEqualTo("app");
        assertThat(p.tty()).isEqualTo("pts/1");
        assertThat(p.started()).isEqualTo(BOOT.plusSeconds(3600));
        assertThat(p.cpuTime()).isEqualTo(Duration.ofSeconds(3));
        assertThat(p.cpuPercent()).as("3 s of CPU in 300 s").isEqualTo(1);
        assertThat(p.command()).isEqualTo("sh -c sleep 1");
    }

    @Test
    void aZombieShowsItsNameAndAnUnknownUserItsNumber() {
        String stat = "7 (defunct) Z 1 7 7 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 100"
                + " 0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0";
        ContainerProcess p = new ContainerProcesses(dir, BOOT.plusSeconds(10))
                .process(stat, "Uid:\t4321\t4321\t4321\t4321\n", "", BOOT, Map.of());
        assertThat(p.user()).isEqualTo("4321");
        assertThat(p.tty()).isEqualTo("?");
        assertThat(p.command()).isEqualTo("[defunct]");
    }

    @Test
    void terminalsAsPsNamesThem() {
        assertThat(ContainerProcesses.tty(0)).isEqualTo("?");
        assertThat(ContainerProcesses.tty((136 << 8) | 3)).isEqualTo("pts/3");
        assertThat(ContainerProcesses.tty((4 << 8) | 1)).isEqualTo("tty1");
    }

    @Test
    void usersFromAPasswdFile() throws IOException {
        Path passwd = dir.resolve("passwd");
        Files.writeString(passwd, "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534::/:/sbin/nologin\nbroken\n");
        assertThat(ContainerProcesses.users(passwd))
                .containsExactlyInAnyOrderEntriesOf(Map.of(0L, "root", 65534L, "nobody"));
        assertThat(ContainerProcesses.users(dir.resolve("missing"))).isEmpty();
    }
}
