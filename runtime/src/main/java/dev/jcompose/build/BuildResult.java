package dev.jcompose.build;

import dev.jcompose.image.ImageRecord;

/**
 * A finished build.
 *
 * @param image  the image as stored under the request's first tag
 * @param steps  how many steps the needed stages have
 * @param cached how many of them came from the cache
 */
public record BuildResult(ImageRecord image, int steps, int cached) {}
