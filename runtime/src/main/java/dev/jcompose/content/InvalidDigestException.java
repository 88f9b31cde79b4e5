package dev.jcompose.content;

/** A digest string does not follow the OCI {@code algorithm:hex} grammar. */
public class InvalidDigestException extends ContentException {
    public InvalidDigestException(String digest, String problem, String hint) {
        super("invalid digest \"" + digest + "\": " + problem, hint);
    }
}
