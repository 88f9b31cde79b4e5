package dev.jcompose.rootfs;

import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a file's extended attributes in every namespace (the JDK reaches only {@code user.*}), without
 * following symlinks: what a layer diff needs to carry {@code security.capability} and to see overlayfs'
 * own {@code trusted.overlay.*} markers.
 */
public final class XattrReader {
    private final NativeFs fs = new NativeFs();

    /** Name to raw value, sorted by name; attributes removed while reading are left out. */
    public SortedMap<String, byte[]> read(Path path) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        for (String name : fs.listXattrs(path)) {
            byte[] v = fs.getXattrBytes(path, name);
            if (v != null) {
                out.put(name, v);
            }
        }
        return Collections.unmodifiableSortedMap(out);
    }
}
