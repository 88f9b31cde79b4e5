package dev.jcompose.container;

import dev.jcompose.host.Clock;
import dev.jcompose.host.CommandResult;
import dev.jcompose.host.CommandRunner;
import dev.jcompose.host.HostPaths;
import dev.jcompose.oci.BundleWriter;
import dev.jcompose.oci.SpecBuilder;
import dev.jcompose.oci.SpecContext;
import dev.jcompose.rootfs.OverlayMount;
import dev.jcompose.rootfs.OverlayMounter;
import dev.jcompose.state.ContainerState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Creates a container: its record first (so a crash leaves something to clean up), the overlay mount,
 * the OCI bundle, then conmon, which runs {@code runtime create}. A failure at any step releases what
 * the earlier ones made. {@link #launch} is also how a restart brings an exited container back.
 */
final class ContainerCreation {
    static final Duration CREATE_TIMEOUT = Duration.ofSeconds(30);

    private final HostPaths paths;
    private final CommandRunner runner;
    private final Clock clock;
    private final RuntimeConfig config;
    private final RuntimeCli cli;
    private final ContainerRecords records;
    private final OverlayMounter mounter;
    private final ContainerRelease release;

    ContainerCreation(
            HostPaths paths,
            CommandRunner runner,
            Clock clock,
            RuntimeConfig config,
            RuntimeCli cli,
            ContainerRecords records,
            OverlayMounter mounter,
            ContainerRelease release) {
        this.paths = paths;
        this.runner = runner;
        this.clock = clock;
        this.config = config;
        this.cli = cli;
        this.records = records;
        this.mounter = mounter;
        this.release = release;
    }

    ContainerRecord create(CreateRequest req) {
        ContainerDirs dirs = ContainerDirs.of(paths, req.id());
        if (Files.exists(dirs.state())) {
            throw new ContainerException("container id " + req.id() + " is already in use", "remove it first");
        }
        ContainerRecord rec = record(req, OverlayMount.forContainer(req.snapshotsRoot(), req.layers(), dirs.data()));
        try {
            Files.createDirectories(dirs.exitDir());
            records.saveNew(rec);
            mounter.mount(rec.rootfs());
            writeBundle(req, rec, dirs);
            launch(rec, dirs, req.attach());
            return rec;
        } catch (RuntimeException | IOException e) {
            try {
                release.release(rec);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new UncheckedIOException((IOException) e);
        }
    }

    private ContainerRecord record(CreateRequest req, OverlayMount overlay) {
        return new ContainerRecord(
                req.id(),
                req.name(),
                req.labels(),
                req.configHash(),
                req.image(),
                req.spec(),
                overlay,
                "/" + config.cgroupParent() + "/" + req.id(),
                cli.runtime().name(),
                cli.runtime().path().toString(),
                clock.now(),
                ContainerState.CREATED,
                null,
                null,
                null,
                req.imageRef(),
                0);
    }

    private void writeBundle(CreateRequest req, ContainerRecord rec, ContainerDirs dirs) throws IOException {
        SpecContext ctx = new SpecContext(
                req.id(),
                rec.rootfs().target(),
                rec.cgroupsPath(),
                req.hostsFile(),
                req.resolvConf(),
                req.hostnameFile(),
                config.initBinary(),
                config.nofileHardLimit(),
                config.capabilityBounding());
        BundleWriter.write(dirs.bundle(), req.attach().applyTo(new SpecBuilder().build(req.image(), req.spec(), ctx)));
    }

    /** Starts conmon, which runs {@code runtime create} on the bundle, and waits for the container's pid. */
    void launch(ContainerRecord rec, ContainerDirs dirs, Attach attach) {
        CommandResult r = runner.run(
                new ConmonCommand(config.conmon(), rec.id(), rec.name(), cli.runtime(), cli.root(), dirs, attach)
                        .command());
        if (!r.ok()) {
            throw new ContainerException(
                    "conmon failed for container " + rec.name() + ": " + RuntimeCli.lastLine(r.stderr()),
                    "check that conmon is installed (apt-get install conmon)");
        }
        awaitCreated(rec, dirs);
    }

    /** Polls (with a deadline) until the runtime wrote the container's pid, or conmon gave up. */
    private void awaitCreated(ContainerRecord rec, ContainerDirs dirs) {
        long deadline = System.nanoTime() + CREATE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (ConmonRuntime.readPid(dirs.containerPidFile()).isPresent()) {
                return;
            }
            Optional<Long> conmon = ConmonRuntime.readPid(dirs.conmonPidFile());
            if (conmon.isPresent()
                    && !ExitWatcher.running(conmon.get())
                    && ConmonRuntime.readPid(dirs.containerPidFile()).isEmpty()) {
                throw new ContainerException(
                        "cannot create container " + rec.name() + ": " + RuntimeCli.lastError(dirs.runtimeLog()),
                        "see " + dirs.runtimeLog());
            }
            Thread.onSpinWait();
            LockSupport.parkNanos(1_000_000);
        }
        throw new ContainerException(
                "container " + rec.name() + " was not created within " + CREATE_TIMEOUT, "see " + dirs.runtimeLog());
    }
}
