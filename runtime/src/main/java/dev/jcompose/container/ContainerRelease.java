package dev.jcompose.container;

import dev.jcompose.cgroup.CgroupLayout;
import dev.jcompose.host.CommandResult;
import dev.jcompose.host.HostPaths;
import dev.jcompose.rootfs.OverlayMounter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Takes a container apart: its runtime state and conmon, its overlay mount, its cgroup, its files.
 * {@link #runtime} alone is what a restart drops (the writable layer and the bundle stay).
 */
final class ContainerRelease {
    static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
    /** How long a removal waits for init to reap an exited conmon (milliseconds where init is systemd). */
    static final Duration REAP_TIMEOUT = Duration.ofSeconds(2);

    private static final System.Logger LOG = System.getLogger(ContainerRelease.class.getName());

    private final HostPaths paths;
    private final RuntimeConfig config;
    private final RuntimeCli cli;
    private final ContainerRecords records;
    private final OverlayMounter mounter;
    private final CgroupLayout cgroups = CgroupLayout.detect();

    ContainerRelease(
            HostPaths paths, RuntimeConfig config, RuntimeCli cli, ContainerRecords records, OverlayMounter mounter) {
        this.paths = paths;
        this.config = config;
        this.cli = cli;
        this.records = records;
        this.mounter = mounter;
    }

    /**
     * Everything: runtime state, mount, writable layer, then the record (last, so a failure can be retried).
     * Returns once the container's conmon is gone from the process table, not only exited: what {@code down}
     * leaves behind must not show in {@code ps} (see {@link #awaitReaped}).
     */
    void release(ContainerRecord rec) {
        ContainerDirs dirs = ContainerDirs.of(paths, rec.id());
        Optional<Long> conmon = ConmonRuntime.readPid(dirs.conmonPidFile());
        OptionalLong conmonStart = conmon.map(ExitWatcher::startTime).orElse(OptionalLong.empty());
        runtime(rec, dirs);
        mounter.unmount(rec.rootfs().target());
        deleteTree(dirs.data());
        records.remove(rec.id());
        if (conmon.isPresent() && conmonStart.isPresent()) {
            awaitReaped(rec, conmon.get(), conmonStart.getAsLong());
        }
    }

    /**
     * conmon double-forks, so once it exits it is init's to reap; until then it lingers as a zombie. Waiting
     * here (the unmount and deletes above gave init time already) keeps the wait bounded: a host whose init
     * never reaps orphans gets a warning in the engine log, not a failed removal, since a zombie holds nothing.
     */
    private static void awaitReaped(ContainerRecord rec, long pid, long startTime) {
        if (!ExitWatcher.awaitReaped(pid, startTime, REAP_TIMEOUT)) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "conmon (pid " + pid + ") of container " + rec.name() + " exited but was not reaped within "
                            + REAP_TIMEOUT.toMillis() + " ms: the host's init (pid 1) does not reap orphaned processes"
                            + " promptly; run jcompose under an init that does (systemd, tini)");
        }
    }

    /** Deletes the runtime's state of the container, waits for its conmon, removes its cgroup. */
    void runtime(ContainerRecord rec, ContainerDirs dirs) {
        CommandResult r = cli.run("delete", "--force", rec.id());
        if (!r.ok() && cli.status(rec.id()).isPresent()) {
            cli.require(r, "delete", rec.name());
        }
        ConmonRuntime.readPid(dirs.conmonPidFile()).ifPresent(pid -> {
            if (!ExitWatcher.awaitGone(pid, KILL_TIMEOUT)) {
                throw new ContainerException(
                        "conmon (pid " + pid + ") of container " + rec.name() + " did not exit",
                        "kill it: kill " + pid);
            }
        });
        cgroups.remove(rec.cgroupsPath());
    }

    /** What a crashed create left without a record: known only by its directories and id. */
    void orphan(String id) {
        ContainerDirs dirs = ContainerDirs.of(paths, id);
        cli.run("delete", "--force", id);
        mounter.unmount(dirs.data().resolve("rootfs"));
        cgroups.remove("/" + config.cgroupParent() + "/" + id);
        deleteTree(dirs.data());
        deleteTree(dirs.state());
    }

    /** Removes what one run leaves in the state dir (exit code, pids), so the next run's are not mistaken. */
    static void forgetRun(ContainerDirs dirs, String id) {
        try {
            Files.deleteIfExists(dirs.exitDir().resolve(id));
            Files.deleteIfExists(dirs.containerPidFile());
            Files.deleteIfExists(dirs.conmonPidFile());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot reset the run files of container " + id + " in " + dirs.state() + ": " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path p) {
        try {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            try (var s = Files.walk(p)) {
                for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(q);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + p + ": " + e.getMessage(), e);
        }
    }
}
