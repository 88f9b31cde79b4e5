package dev.jcompose.stack;

import dev.jcompose.api.ContainerProcess;
import dev.jcompose.api.StackException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code top}: the host processes in a container's cgroup, read from {@code /proc} with the columns
 * of {@code ps -ef} (docker's top runs that on the host): user names from the host's passwd file,
 * as ps resolves them, times from the process's clock ticks and the boot time.
 */
final class ContainerProcesses {
    /** USER_HZ: what /proc counts CPU and start times in; 100 on every Linux architecture jcompose runs on. */
    static final long TICKS_PER_SECOND = 100;

    private final Path proc;
    private final Instant now;

    ContainerProcesses(Path proc, Instant now) {
        this.proc = proc;
        this.now = now;
    }

    /** The processes whose cgroup is {@code cgroupsPath}, by pid. */
    List<ContainerProcess> of(String cgroupsPath) {
        Instant boot = bootTime();
        Map<Long, String> users = users(Path.of("/etc/passwd"));
        List<ContainerProcess> out = new ArrayList<>();
        try (Stream<Path> procs = Files.list(proc)) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .sorted(Comparator.comparingLong(
                            p -> Long.parseLong(p.getFileName().toString())))
                    .toList()) {
                try {
                    if (Files.readString(p.resolve("cgroup")).lines().anyMatch(l -> l.endsWith(":" + cgroupsPath))) {
                        out.add(process(
                                Files.readString(p.resolve("stat")),
                                Files.readString(p.resolve("status")),
                                Files.readString(p.resolve("cmdline")),
                                boot,
                                users));
                    }
                } catch (IOException gone) {
                    // the process ended while listing
                }
            }
        } catch (IOException e) {
            throw new StackException("cannot list processes: " + e.getMessage(), null);
        }
        return out;
    }

    /**
     * One process from its {@code stat} line, {@code status} text and NUL-separated {@code cmdline}
     * (empty for a zombie: then {@code [comm]}, as ps shows it).
     */
    ContainerProcess process(String stat, String status, String cmdline, Instant boot, Map<Long, String> users) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        long pid = Long.parseLong(stat.substring(0, open).strip());
        String comm = stat.substring(open + 1, close);
        // the fields after "(comm) ": state is field 3 of proc(5), so field n is rest[n - 3]
        String[] rest = stat.substring(close + 2).strip().split(" ");
        long ppid = Long.parseLong(rest[1]);
        int ttyNr = Integer.parseInt(rest[4]);
        long cpuTicks = Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
        Instant started = boot.plusMillis(Long.parseLong(rest[19]) * 1000 / TICKS_PER_SECOND);
        Duration cpu = Duration.ofMillis(cpuTicks * 1000 / TICKS_PER_SECOND);
        long lived = Math.max(1, Duration.between(started, now).toMillis());
        int percent = (int) Math.min(999, cpu.toMillis() * 100 / lived);
        long uid = effectiveUid(status);
        String command = cmdline.replace('\0', ' ').strip();
        return new ContainerProcess(
                users.getOrDefault(uid, Long.toString(uid)),
                pid,
                ppid,
                percent,
                started,
                tty(ttyNr),
                cpu,
                command.isEmpty() ? "[" + comm + "]" : command);
    }

    /** The terminal a {@code tty_nr} names as ps prints it: {@code pts/N}, {@code ttyN}, else {@code ?}. */
    static String tty(int ttyNr) {
        int major = (ttyNr >> 8) & 0xfff;
        int minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
        if (ttyNr == 0) {
            return "?";
        }
        if (major >= 136 && major <= 143) {
            return "pts/" + ((major - 136) * 256 + minor);
        }
        return major == 4 && minor < 64 ? "tty" + minor : "?";
    }

    private static long effectiveUid(String status) {
        return status.lines()
                .filter(l -> l.startsWith("Uid:"))
                .findFirst()
                .map(l -> Long.parseLong(l.substring(4).strip().split("\\s+")[1]))
                .orElse(0L);
    }

    private Instant bootTime() {
        try {
            Optional<String> btime = Files.readString(proc.resolve("stat"))
                    .lines()
                    .filter(l -> l.startsWith("btime "))
                    .findFirst();
            return Instant.ofEpochSecond(
                    Long.parseLong(btime.orElseThrow().substring(6).strip()));
        } catch (IOException | RuntimeException e) {
            throw new StackException("cannot read the boot time from " + proc.resolve("stat") + ": " + e, null);
        }
    }

    /** uid to name from a passwd file; empty when it cannot be read (then ps shows numbers too). */
    static Map<Long, String> users(Path passwd) {
        Map<Long, String> out = new HashMap<>();
        try {
            for (String line : Files.readAllLines(passwd)) {
                String[] f = line.split(":");
                if (f.length > 2 && f[2].matches("\\d{1,10}")) {
                    out.putIfAbsent(Long.parseLong(f[2]), f[0]);
                }
            }
        } catch (IOException unreadable) {
            return Map.of();
        }
        return out;
    }
}
