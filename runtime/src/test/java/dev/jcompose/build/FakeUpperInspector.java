package dev.jcompose.build;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The host's view of files, except that chosen paths look like overlayfs whiteouts (char device 0/0)
 * and chosen attributes are reported: what an upper dir holds, without the root needed to make it.
 */
final class FakeUpperInspector implements UpperInspector {
    private final HostUpperInspector host = new HostUpperInspector();
    final Set<Path> whiteouts = new HashSet<>();
    final Map<Path, SortedMap<String, byte[]>> xattrs = new HashMap<>();

    FakeUpperInspector whiteout(Path p) {
        whiteouts.add(p);
        return this;
    }

    FakeUpperInspector xattr(Path p, String name, String value) {
        xattrs.computeIfAbsent(p, k -> new TreeMap<>())
                .put(name, value.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        return this;
    }

    @Override
    public FileStat stat(Path path) {
        FileStat s = host.stat(path);
        if (whiteouts.contains(path)) {
            return new FileStat(FileStat.Type.CHAR_DEVICE, 0, 0, 0, 0, s.mtime(), s.dev(), s.inode(), 1, 0, 0);
        }
        return s;
    }

    @Override
    public SortedMap<String, byte[]> xattrs(Path path) {
        return new TreeMap<>(xattrs.getOrDefault(path, new TreeMap<>()));
    }
}
