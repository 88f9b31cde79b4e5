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

/**
 * Takes a container apart: its runtime state and conmon, its overlay mount, its cgroup, its files.
 * {@link #runtime} alone is what a restart drops (the writable layer and the bundle stay).
 */
final class ContainerRelease {
    static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

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

    /** Everything: runtime state, mount, writable layer, then the record (last, so a failure can be retried). */
    void release(ContainerRecord rec) {
        ContainerDirs dirs = ContainerDirs.of(paths, rec.id());
        runtime(rec, dirs);
        mounter.unmount(rec.rootfs().target());
        deleteTree(dirs.data());
        records.remove(rec.id());
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
