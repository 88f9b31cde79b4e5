package dev.jcompose.kube.convert;

/**
 * What the conversion reads from the project's directory: the content of bind-mounted files and of
 * file-based configs and secrets. A seam, so the conversion itself stays a function of its inputs.
 */
@FunctionalInterface
public interface ProjectFiles {
    /** What is at {@code path} (absolute, as the loaded model holds it). */
    Entry probe(String path);

    /** A regular file with its bytes, a directory, or nothing. */
    sealed interface Entry {}

    record RegularFile(byte[] content) implements Entry {}

    record Directory() implements Entry {}

    record Missing() implements Entry {}
}
