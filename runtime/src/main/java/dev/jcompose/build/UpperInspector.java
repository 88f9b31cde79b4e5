package dev.jcompose.build;

import java.nio.file.Path;
import java.util.SortedMap;

/**
 * How {@link LayerDiff} looks at the files of an overlay upper directory: a seam, because whiteouts
 * (device nodes) and {@code trusted.*} attributes need root to create, so unit tests fake them.
 */
public interface UpperInspector {
    /** lstat of {@code path} (never following a symlink). */
    FileStat stat(Path path);

    /** Every extended attribute of {@code path}, raw values, sorted by name (not following a symlink). */
    SortedMap<String, byte[]> xattrs(Path path);
}
