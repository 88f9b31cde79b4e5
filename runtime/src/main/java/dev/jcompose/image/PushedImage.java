package dev.jcompose.image;

import dev.jcompose.content.Digest;

/**
 * What a push left at the registry, as docker prints it ({@code 1: digest: sha256:... size: 527}).
 *
 * @param reference the tag pushed to
 * @param digest    the manifest's digest: pull {@code repository@digest} to get exactly this image
 * @param size      the manifest's size in bytes
 */
public record PushedImage(ImageReference reference, Digest digest, long size) {}
