package dev.jcompose.build;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One entry of a layer tar, as {@link TarWriter} writes it.
 *
 * @param name     the path inside the layer, relative, directories ending with {@code /}
 * @param type     the tar typeflag ({@code '0'} file, {@code '5'} directory, ...)
 * @param mtime    seconds since the epoch (tar keeps no fraction unless PAX says so; we never do)
 * @param linkName a symlink's target or a hardlink's first name, else {@code ""}
 * @param xattrs   extended attributes, written as PAX {@code SCHILY.xattr.*} records
 */
record TarEntry(
        String name,
        char type,
        int mode,
        long uid,
        long gid,
        long size,
        long mtime,
        String linkName,
        int devMajor,
        int devMinor,
        SortedMap<String, byte[]> xattrs) {
    static final char FILE = '0';
    static final char HARDLINK = '1';
    static final char SYMLINK = '2';
    static final char CHAR_DEVICE = '3';
    static final char BLOCK_DEVICE = '4';
    static final char DIRECTORY = '5';
    static final char FIFO = '6';

    TarEntry {
        xattrs = Collections.unmodifiableSortedMap(new TreeMap<>(xattrs));
    }

    /** An empty regular file owned by root, mode 0: what whiteout and opaque markers are. */
    static TarEntry marker(String name, long mtime) {
        return new TarEntry(name, FILE, 0, 0, 0, 0, mtime, "", 0, 0, new TreeMap<>());
    }
}
