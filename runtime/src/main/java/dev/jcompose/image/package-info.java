/**
 * Container images: references ({@link dev.jcompose.image.ImageReference}), manifests and configs,
 * the registry client and puller, {@code load} of docker-save archives and OCI layouts, and the
 * image index ({@link dev.jcompose.image.ImageStore}) over the content store.
 *
 * <p>What the rootfs/container side consumes: {@link dev.jcompose.image.ImageStore#layers} (verified
 * layer blobs as paths with media type, digest and diff ID, base first) and
 * {@link dev.jcompose.image.ImageRecord#config()} ({@link dev.jcompose.image.ImageConfig}).
 * Use one {@code ImageStore} (and so one {@code ContentStore}) per data root per process: file locks
 * exclude other jcompose processes, in-process locks exclude threads of the same instance.
 */
package dev.jcompose.image;
