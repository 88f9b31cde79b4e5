/**
 * Container root file systems from image layers: {@link dev.jcompose.rootfs.SnapshotStore} keeps one
 * unpacked {@link dev.jcompose.rootfs.Snapshot} per layer under {@code dataRoot/snapshots}, keyed by a
 * layer digest (images use the diff_id, and the uncompressed stream is verified against it) and
 * renamed into place in one step, so a crash never leaves half a layer; {@link
 * dev.jcompose.rootfs.OverlayMount} and {@link dev.jcompose.rootfs.OverlayMounter} stack snapshots
 * into a container's overlayfs root.
 *
 * <p>Layers are hostile input: {@link dev.jcompose.rootfs.LayerUnpacker} (tar, gzip or zstd) enforces
 * {@link dev.jcompose.rootfs.UnpackLimits} against decompression bombs, writes only inside the
 * snapshot (no symlink is followed, absolute names are rooted at the snapshot as containerd roots them,
 * an entry naming the root itself is ignored, a {@code ..} that would climb above it is refused, device
 * nodes are not created) and turns OCI whiteouts into overlayfs ones. {@link
 * dev.jcompose.rootfs.RootfsPath} resolves a path as the container would see it, so {@link dev.jcompose.rootfs.RootfsCopier} (an empty volume
 * filled from the image, as docker does) cannot be led to host files. Depends on {@code host} only;
 * used by the runtime's container code and the engine's stack.
 */
package dev.jcompose.rootfs;
