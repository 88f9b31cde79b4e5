package dev.jcompose.build;

/**
 * Builds images. The real one runs Dockerfile steps on jcompose's runtime; tests of the engine use a
 * fake that stores an image without running anything. Implementations are thread-safe: a compose
 * project's images build concurrently.
 */
public interface ImageBuilder {

    /**
     * Builds {@code request} and stores the image under each of its tags, replacing what they named.
     * A failure throws a {@link dev.jcompose.JcomposeException} that says which step failed, where
     * (file and line) and why (a failing RUN's exit code and last output lines).
     */
    BuildResult build(BuildRequest request, BuildListener listener);
}
