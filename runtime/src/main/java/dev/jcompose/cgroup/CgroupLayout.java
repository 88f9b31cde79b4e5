package dev.jcompose.cgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a container's cgroup lives on this host: pure cgroup v2 (one tree) or v1/hybrid (one tree
 * per controller, plus the unified tree when mounted). The runtime creates the cgroups; jcompose
 * only reads limits back and removes directories a crashed runtime left behind.
 */
public record CgroupLayout(Path mountRoot, boolean unified) {
    static final List<String> V1_CONTROLLERS = List.of(
            "blkio",
            "cpu",
            "cpuacct",
            "cpuset",
            "devices",
            "freezer",
            "hugetlb",
            "memory",
            "net_cls",
            "net_prio",
            "perf_event",
            "pids",
            "rdma",
            "misc",
            "systemd",
            "unified");

    public static CgroupLayout detect() {
        Path root = Path.of("/sys/fs/cgroup");
        return new CgroupLayout(root, Files.exists(root.resolve("cgroup.controllers")));
    }

    /** Every directory that {@code cgroupsPath} maps to on this host (existing or not). */
    public List<Path> dirs(String cgroupsPath) {
        String rel = cgroupsPath.replaceFirst("^/+", "");
        if (unified) {
            return List.of(mountRoot.resolve(rel));
        }
        List<Path> out = new ArrayList<>();
        for (String c : V1_CONTROLLERS) {
            Path h = mountRoot.resolve(c);
            // cpu and cpuacct are usually symlinks to one "cpu,cpuacct" hierarchy: count it once.
            if (Files.isDirectory(h, LinkOption.NOFOLLOW_LINKS)) {
                out.add(h.resolve(rel));
            }
        }
        return out;
    }

    /** The limits a container got, read back from its cgroup files (for checks and inspect). */
    public record Limits(
            Optional<Long> memoryBytes, Optional<Long> cpuQuota, Optional<Long> cpuPeriod, Optional<Long> pidsMax) {}

    public Limits limits(String cgroupsPath) {
        String rel = cgroupsPath.replaceFirst("^/+", "");
        if (unified) {
            Path d = mountRoot.resolve(rel);
            String[] cpu = read(d.resolve("cpu.max")).orElse("max 100000").split(" ");
            return new Limits(
                    number(read(d.resolve("memory.max"))),
                    number(Optional.of(cpu[0])),
                    number(Optional.of(cpu[1])),
                    number(read(d.resolve("pids.max"))));
        }
        return new Limits(
                number(read(mountRoot.resolve("memory").resolve(rel).resolve("memory.limit_in_bytes"))),
                number(read(mountRoot.resolve("cpu").resolve(rel).resolve("cpu.cfs_quota_us"))),
                number(read(mountRoot.resolve("cpu").resolve(rel).resolve("cpu.cfs_period_us"))),
                number(read(mountRoot.resolve("pids").resolve(rel).resolve("pids.max"))));
    }

    /** Removes the directories of {@code cgroupsPath} (deepest first); empty cgroups only, as the kernel requires. */
    public void remove(String cgroupsPath) {
        for (Path d : dirs(cgroupsPath)) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(d)) {
                for (Path p : s.filter(Files::isDirectory)
                        .sorted(Comparator.reverseOrder())
                        .toList()) {
                    removeWhenReleased(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove cgroup " + d + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The kernel refuses (EBUSY) to remove a cgroup for a short while after its last process exited,
     * until the exiting tasks are released (seen on cgroup v1 under load): retried up to a deadline.
     */
    private static void removeWhenReleased(Path cgroup) throws IOException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (true) {
            try {
                Files.deleteIfExists(cgroup);
                return;
            } catch (java.nio.file.FileSystemException e) {
                boolean busy = e.getReason() != null && e.getReason().contains("busy");
                if (!busy || System.nanoTime() > deadline) {
                    throw e;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
            }
        }
    }

    public boolean exists(String cgroupsPath) {
        return dirs(cgroupsPath).stream().anyMatch(Files::isDirectory);
    }

    private static Optional<String> read(Path p) {
        try {
            return Files.exists(p) ? Optional.of(Files.readString(p).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> number(Optional<String> s) {
        return s.filter(v -> v.matches("-?\\d+")).map(Long::parseLong);
    }
}
