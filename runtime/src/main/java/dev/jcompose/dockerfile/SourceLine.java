package dev.jcompose.dockerfile;

/**
 * Where an instruction came from, for errors ("Dockerfile:12: RUN ...") and image history.
 *
 * @param line     the 1-based line of the instruction's keyword
 * @param keyword  the instruction keyword, upper-cased
 * @param original the instruction as written, continuations joined into one line (heredoc bodies left out)
 */
public record SourceLine(String file, int line, String keyword, String original) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + original;
    }
}
