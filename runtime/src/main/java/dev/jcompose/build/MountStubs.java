package dev.jcompose.build;

import dev.jcompose.rootfs.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The mount points the OCI runtime made for a RUN (an empty file or directory for each mount target
 * the image lacked, and their missing parents) are not the step's changes: they are removed from the
 * upper directory before it becomes a layer, as BuildKit removes them.
 */
final class MountStubs {
    /** Where runc mounts for every container, whatever the spec: made when the image lacks them. */
    private static final List<String> ALWAYS = List.of("/proc", "/sys", "/dev", "/dev/shm", "/dev/pts", "/dev/mqueue");

    private MountStubs() {}

    static void clean(Path upper, List<String> targets, List<Snapshot> lowers) {
        List<String> all = new ArrayList<>(targets);
        all.addAll(ALWAYS);
        all.sort(java.util.Comparator.comparingInt(String::length).reversed());
        for (String target : all) {
            for (String p = strip(target); !p.isEmpty(); p = parent(p)) {
                if (!removeIfStub(upper.resolve(p), p, lowers)) {
                    break;
                }
            }
        }
    }

    private static boolean removeIfStub(Path inUpper, String relative, List<Snapshot> lowers) {
        try {
            if (!Files.exists(inUpper, LinkOption.NOFOLLOW_LINKS) || inLowers(relative, lowers)) {
                return false;
            }
            boolean empty = Files.isDirectory(inUpper, LinkOption.NOFOLLOW_LINKS)
                    ? isEmptyDir(inUpper)
                    : Files.isRegularFile(inUpper, LinkOption.NOFOLLOW_LINKS) && Files.size(inUpper) == 0;
            if (!empty) {
                return false;
            }
            Files.delete(inUpper);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean mount point " + relative + ": " + e.getMessage(), e);
        }
    }

    private static boolean inLowers(String relative, List<Snapshot> lowers) {
        return lowers.stream().anyMatch(s -> Files.exists(s.dir().resolve(relative), LinkOption.NOFOLLOW_LINKS));
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static String strip(String target) {
        String t = target;
        while (t.startsWith("/")) {
            t = t.substring(1);
        }
        return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
    }

    private static String parent(String p) {
        int slash = p.lastIndexOf('/');
        return slash < 0 ? "" : p.substring(0, slash);
    }
}
