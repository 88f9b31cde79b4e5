package dev.jcompose.rootfs;

import dev.jcompose.host.Command;
import java.nio.file.Path;
import java.util.List;

/**
 * An overlay mount as data. {@code lowerDirs} are relative to {@code workingDir} (the snapshots
 * directory), topmost layer first, as overlayfs wants them; the mount helper runs with that
 * working directory so the kernel resolves them, which keeps the option string short: the kernel
 * takes one page (4096 bytes) of mount options.
 */
public record OverlayMount(Path workingDir, List<String> lowerDirs, Path upperDir, Path workDir, Path target) {
    static final int MAX_OPTIONS = 4095;

    public OverlayMount {
        lowerDirs = List.copyOf(lowerDirs);
        if (lowerDirs.isEmpty()) {
            throw new IllegalArgumentException("an overlay needs at least one lower dir");
        }
    }

    /**
     * The overlay for a container: {@code layers} bottom (base) first, as an image lists them;
     * upper, work and merged directories inside {@code containerDir}.
     */
    public static OverlayMount forContainer(Path snapshotsRoot, List<Snapshot> layers, Path containerDir) {
        List<String> lower =
                layers.reversed().stream().map(s -> "l/" + s.shortName()).toList();
        return new OverlayMount(
                snapshotsRoot,
                lower,
                containerDir.resolve("upper"),
                containerDir.resolve("work"),
                containerDir.resolve("rootfs"));
    }

    public String options() {
        String o = "lowerdir=" + String.join(":", lowerDirs) + ",upperdir=" + upperDir + ",workdir=" + workDir;
        if (o.length() > MAX_OPTIONS) {
            throw new RootfsException(
                    "overlay for " + target + " has " + lowerDirs.size() + " layers: its mount options are "
                            + o.length() + " bytes, over the kernel's " + MAX_OPTIONS,
                    "flatten the image (fewer layers) or move the container directory to a shorter path");
        }
        return o;
    }

    public Command mountCommand() {
        return Command.of("mount", "-t", "overlay", "overlay", "-o", options(), target.toString())
                .withWorkingDir(workingDir);
    }

    public Command unmountCommand() {
        return Command.of("umount", target.toString());
    }
}
