package dev.jcompose.rootfs;

import dev.jcompose.host.CommandResult;
import dev.jcompose.host.CommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Applies {@link OverlayMount}s: creates the directories, mounts, and unmounts. */
public final class OverlayMounter {
    private final CommandRunner runner;

    public OverlayMounter(CommandRunner runner) {
        this.runner = runner;
    }

    public void mount(OverlayMount m) {
        try {
            Files.createDirectories(m.upperDir());
            Files.createDirectories(m.workDir());
            Files.createDirectories(m.target());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CommandResult r = runner.run(m.mountCommand());
        if (!r.ok()) {
            throw new RootfsException(
                    "cannot mount the overlay root file system at " + m.target() + ": "
                            + r.stderr().strip(),
                    "check that the kernel has overlayfs (modprobe overlay) and that the "
                            + "data root is not itself on overlayfs");
        }
    }

    /** Unmounts if mounted; idempotent, so delete can be retried after a crash. */
    public void unmount(Path target) {
        if (!isMounted(target)) {
            return;
        }
        CommandResult r = runner.run(dev.jcompose.host.Command.of("umount", target.toString()));
        if (!r.ok() && isMounted(target)) {
            throw new RootfsException(
                    "cannot unmount " + target + ": " + r.stderr().strip(),
                    "a process may still use it; find it with fuser -m " + target);
        }
    }

    public static boolean isMounted(Path target) {
        try {
            String t = target.toAbsolutePath().normalize().toString();
            return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .map(l -> l.split(" ")[4])
                    .anyMatch(t::equals);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
