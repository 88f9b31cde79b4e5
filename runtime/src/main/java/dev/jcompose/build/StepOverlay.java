package dev.jcompose.build;

import dev.jcompose.rootfs.OverlayMount;
import dev.jcompose.rootfs.OverlayMounter;
import dev.jcompose.rootfs.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A writable overlay of a stage's snapshots for the steps the builder carries out itself (COPY, ADD,
 * WORKDIR): the step writes into {@link #root()}, and its changes are in {@link #upper()}, as a RUN's
 * are in its container's upper directory.
 */
final class StepOverlay implements AutoCloseable {
    private final OverlayMounter mounter;
    private final Path dir;
    private final OverlayMount mount;

    private StepOverlay(OverlayMounter mounter, Path dir, OverlayMount mount) {
        this.mounter = mounter;
        this.dir = dir;
        this.mount = mount;
    }

    /** Mounts {@code layers} (base first, at least one) with a fresh upper directory under {@code workRoot}. */
    static StepOverlay mount(OverlayMounter mounter, Path snapshotsRoot, List<Snapshot> layers, Path workRoot) {
        try {
            Files.createDirectories(workRoot);
            Path dir = Files.createTempDirectory(workRoot, "step.");
            OverlayMount m = OverlayMount.forContainer(snapshotsRoot, layers, dir);
            Files.createDirectories(m.upperDir());
            Files.createDirectories(m.workDir());
            Files.createDirectories(m.target());
            StepOverlay overlay = new StepOverlay(mounter, dir, m);
            try {
                mounter.mount(m);
            } catch (RuntimeException e) {
                overlay.delete();
                throw e;
            }
            return overlay;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a build step's overlay: " + e.getMessage(), e);
        }
    }

    /** The merged view the step writes into. */
    Path root() {
        return mount.target();
    }

    /** The step's changes; read them after {@link #unmount()}. */
    Path upper() {
        return mount.upperDir();
    }

    /** Unmounts, so the upper directory is stable; {@link #close} still removes the directories. */
    void unmount() {
        if (dev.jcompose.rootfs.OverlayMounter.isMounted(mount.target())) {
            mounter.unmount(mount.target());
        }
    }

    @Override
    public void close() {
        unmount();
        delete();
    }

    private void delete() {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove build step directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
