package dev.jcompose.watch;

import dev.jcompose.JcomposeException;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The JDK's {@link WatchService} (inotify on Linux) over whole trees: every directory below a root is
 * registered, and so is each new one as it appears (its contents so far are reported, since they
 * may have been written before the registration). A root that does not exist yet is waited for
 * through its nearest existing parent. Symlinks are not followed.
 */
final class TreeWatcher implements AutoCloseable {
    private final WatchService service;
    private final List<Path> roots;

    private TreeWatcher(WatchService service, List<Path> roots) {
        this.service = service;
        this.roots = roots;
    }

    static TreeWatcher open(List<Path> roots) {
        try {
            TreeWatcher w = new TreeWatcher(FileSystems.getDefault().newWatchService(), List.copyOf(roots));
            for (Path root : w.roots) {
                w.watchTowards(root);
            }
            return w;
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot watch " + roots + ": " + e.getMessage(),
                    "raise fs.inotify.max_user_watches or watch fewer files");
        }
    }

    /** Registers the root's tree, or its nearest existing parent when it is missing. */
    private void watchTowards(Path root) throws IOException {
        Path existing = root;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (existing.equals(root)) {
            if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
                registerTree(root, null);
            } else {
                register(root.getParent());
            }
        } else {
            register(existing);
        }
    }

    /**
     * The paths changed (created, modified, deleted) within {@code timeout}, at least one unless the
     * time ran out; empty also when closed. Interrupting the thread ends the wait with an
     * {@link InterruptedException}.
     */
    List<Path> poll(Duration timeout) throws InterruptedException {
        List<Path> out = new ArrayList<>();
        try {
            WatchKey key = service.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            while (key != null) {
                collect(key, out);
                key = service.poll();
            }
        } catch (ClosedWatchServiceException e) {
            return List.of();
        }
        return out.stream().filter(this::watched).toList();
    }

    private void collect(WatchKey key, List<Path> out) {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                out.addAll(roots);
                continue;
            }
            Path changed = dir.resolve((Path) event.context());
            out.add(changed);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE
                    && Files.isDirectory(changed, LinkOption.NOFOLLOW_LINKS)) {
                appeared(changed, out);
            }
        }
        key.reset();
    }

    /** A new directory: below a root, its tree; on the way to a missing root, one step closer. */
    private void appeared(Path dir, List<Path> out) {
        try {
            if (roots.stream().anyMatch(dir::startsWith)) {
                registerTree(dir, out);
            } else if (roots.stream().anyMatch(r -> r.startsWith(dir))) {
                for (Path root : roots) {
                    if (root.startsWith(dir)) {
                        watchTowards(root);
                        out.add(root);
                    }
                }
            }
        } catch (IOException e) {
            // gone again before it could be registered: its deletion is reported by its parent
        }
    }

    private boolean watched(Path p) {
        return roots.stream().anyMatch(p::startsWith);
    }

    private void registerTree(Path top, List<Path> found) throws IOException {
        try (Stream<Path> tree = Files.walk(top)) {
            for (Path p : (Iterable<Path>) tree::iterator) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    register(p);
                }
                if (found != null && !p.equals(top)) {
                    found.add(p);
                }
            }
        }
    }

    private void register(Path dir) throws IOException {
        dir.register(
                service,
                StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // nothing is left to release
        }
    }
}
