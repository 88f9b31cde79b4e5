package dev.jcompose.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * Which version of a file is there now: its inode (file key), size and modification time. For files
 * that are only ever replaced (a new file renamed over the old one), never written in place, the same
 * version is the same content, so what was parsed from it can be kept and reused after a stat. The
 * files this is used for live under the run root, a tmpfs, whose inode numbers are not soon reused.
 */
public record FileVersion(Object fileKey, FileTime modified, long size) {
    /** The version of {@code file}, or empty when there is no such file. */
    public static Optional<FileVersion> of(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            // a file system without file keys gives each read a version of its own: nothing is reused
            Object key = a.fileKey() != null ? a.fileKey() : new Object();
            return Optional.of(new FileVersion(key, a.lastModifiedTime(), a.size()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
