package dev.jcompose.console;

/**
 * One container's image as {@code images} lists it.
 *
 * @param id   the image id, with or without its {@code sha256:} prefix
 * @param size bytes
 */
public record ImageView(String container, String repository, String tag, String id, long size) {}
