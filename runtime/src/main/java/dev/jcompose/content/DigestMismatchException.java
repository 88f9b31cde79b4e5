package dev.jcompose.content;

/**
 * Bytes did not hash to the digest (or size) they were announced with. Nothing of them is kept:
 * a blob only becomes visible in the store after it verified.
 */
public class DigestMismatchException extends ContentException {
    private final Digest expected;

    public DigestMismatchException(Digest expected, String what, String hint) {
        super("blob " + expected + " failed verification: " + what, hint);
        this.expected = expected;
    }

    public Digest expected() {
        return expected;
    }
}
