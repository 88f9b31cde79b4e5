package dev.jcompose.build;

import dev.jcompose.dockerfile.Instruction;
import dev.jcompose.rootfs.RootfsPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * WORKDIR: sets the working directory (relative to the previous one) and creates it when missing,
 * owned by the stage's USER as BuildKit does; creating it is a layer.
 */
final class WorkdirLayer {
    private WorkdirLayer() {}

    static StepWork work(BuildSession session, Instruction.Workdir w, StageState state) {
        String path = resolve(state.workdir(), w.path());
        return new StepWork("", now -> {
            ImageDraft d = state.draft().withWorkingDir(path);
            BuiltLayer layer;
            try (StepOverlay overlay = StepOverlay.mount(
                    session.mounter, session.images.snapshots().root(), session.lowers(state), session.workRoot)) {
                Path dir = RootfsPath.resolve(overlay.root(), path);
                if (!Files.isDirectory(dir)) {
                    Ownership owner = state.draft().user().isEmpty()
                            ? Ownership.ROOT
                            : Ownership.resolve(state.draft().user(), overlay.root());
                    mkdirs(overlay.root(), path, owner);
                }
                overlay.unmount();
                layer = session.diff(overlay.upper()).orElse(null);
            }
            HistoryEntry h = new HistoryEntry(now, "WORKDIR " + path, layer == null);
            return new StepWork.Result(layer == null ? d.withStep(h) : d.withLayer(layer, h), layer);
        });
    }

    static String resolve(String current, String path) {
        String joined = path.startsWith("/") ? path : (current.endsWith("/") ? current : current + "/") + path;
        String clean = Path.of(joined).normalize().toString();
        return clean.isEmpty() ? "/" : clean;
    }

    /** Creates each missing directory of {@code path} inside {@code root} (never through a link out of it). */
    private static void mkdirs(Path root, String path, Ownership owner) {
        StringBuilder at = new StringBuilder();
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            at.append('/').append(part);
            Path p = RootfsPath.resolve(root, at.toString());
            if (Files.isDirectory(p)) {
                continue;
            }
            try {
                Files.createDirectory(p);
                Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                if (owner.uid() != 0 || owner.gid() != 0) {
                    Files.setAttribute(p, "unix:uid", owner.uid(), java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    Files.setAttribute(p, "unix:gid", owner.gid(), java.nio.file.LinkOption.NOFOLLOW_LINKS);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create WORKDIR " + path + ": " + e.getMessage(), e);
            }
        }
    }
}
