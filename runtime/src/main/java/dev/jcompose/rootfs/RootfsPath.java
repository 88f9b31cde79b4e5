package dev.jcompose.rootfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a path inside a container's root file system the way the container would see it:
 * symlinks are followed, but absolute targets and {@code ..} are interpreted relative to the root,
 * so a hostile image's {@code /etc/passwd -> /../../host/file} cannot make the host read its files.
 */
public final class RootfsPath {
    private static final int MAX_LINKS = 40;

    private RootfsPath() {}

    /** The host path for {@code containerPath}, inside {@code root}, with no symlink left in it. */
    public static Path resolve(Path root, String containerPath) {
        Deque<String> todo = new ArrayDeque<>(List.of(containerPath.split("/")));
        Deque<String> done = new ArrayDeque<>();
        int links = 0;
        try {
            while (!todo.isEmpty()) {
                String c = todo.pollFirst();
                if (c.isEmpty() || c.equals(".")) {
                    continue;
                }
                if (c.equals("..")) {
                    done.pollLast();
                    continue;
                }
                Path p = join(root, done).resolve(c);
                if (Files.isSymbolicLink(p)) {
                    if (++links > MAX_LINKS) {
                        throw new RootfsException(
                                "too many symlinks resolving " + containerPath + " in " + root,
                                "the image has a symlink loop");
                    }
                    String target = Files.readSymbolicLink(p).toString();
                    if (target.startsWith("/")) {
                        done.clear();
                    }
                    List<String> parts = List.of(target.split("/"));
                    for (int i = parts.size() - 1; i >= 0; i--) {
                        todo.addFirst(parts.get(i));
                    }
                } else {
                    done.addLast(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return join(root, done);
    }

    private static Path join(Path root, Deque<String> parts) {
        Path p = root;
        for (String s : parts) {
            p = p.resolve(s);
        }
        return p;
    }
}
