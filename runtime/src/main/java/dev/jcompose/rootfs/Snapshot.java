package dev.jcompose.rootfs;

import java.nio.file.Path;

/**
 * One unpacked layer: {@code dir} holds the layer's files (overlayfs lower dir form); {@code shortName}
 * is the link {@code snapshots/l/<shortName>} to it, kept short so that many layers fit in one
 * overlay mount option page.
 */
public record Snapshot(String id, Path dir, String shortName) {}
