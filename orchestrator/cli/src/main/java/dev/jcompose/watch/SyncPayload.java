package dev.jcompose.watch;

import dev.jcompose.JcomposeException;
import dev.jcompose.api.FileSync;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The changes a sync carries, read from the host: a missing path is a deletion, a directory is
 * made (its files come as changes of their own), a file travels with its content and mode (a symlink
 * as what it points to). Deletions come first, then parents before children, as compose's
 * {@code rm -rf} then untar.
 */
final class SyncPayload {
    private SyncPayload() {}

    static List<FileSync> of(List<WatchTrigger.Mapping> mappings) {
        List<FileSync> out = new ArrayList<>();
        for (WatchTrigger.Mapping m : mappings) {
            out.add(change(m));
        }
        out.sort(Comparator.comparing((FileSync f) -> f.kind() != FileSync.Kind.DELETE)
                .thenComparing(FileSync::path));
        return out.stream().distinct().toList();
    }

    private static FileSync change(WatchTrigger.Mapping m) {
        try {
            if (!Files.exists(m.host())) {
                return FileSync.delete(m.container());
            }
            int mode = (int) Files.getAttribute(m.host(), "unix:mode") & 07777;
            if (Files.isDirectory(m.host())) {
                return FileSync.directory(m.container(), mode);
            }
            return FileSync.file(m.container(), mode, Files.readAllBytes(m.host()));
        } catch (NoSuchFileException e) {
            // deleted between the check and the read
            return FileSync.delete(m.container());
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot read " + m.host() + " to sync it: " + e.getMessage(), "check its permissions");
        }
    }

    /** Every path below {@code dir} that {@code trigger} does not ignore ({@code initial_sync}). */
    static List<Path> tree(WatchTrigger trigger) {
        Path root = trigger.rule().path();
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (var walk = Files.walk(root)) {
            return walk.filter(p -> !trigger.ignored(p)).toList();
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot read " + root + " for its initial sync: " + e.getMessage(), "check its permissions");
        }
    }
}
