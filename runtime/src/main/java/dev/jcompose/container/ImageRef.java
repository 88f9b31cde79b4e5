package dev.jcompose.container;

/**
 * Which stored image a container was created from, so an image in use is not removed from under it.
 *
 * @param name the reference the image is stored under, as {@code docker inspect}'s Config.Image
 * @param id   the image ID (config digest), as {@code docker inspect}'s Image
 */
public record ImageRef(String name, String id) {}
