package dev.jcompose.content;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A content digest as the OCI image spec writes it ({@code sha256:<64 lowercase hex>}). Only sha256
 * and sha512 are accepted: those are the algorithms the spec registers, and a store keyed by an
 * unknown algorithm could not verify what it keeps.
 */
public record Digest(String algorithm, String hex) implements Comparable<Digest> {
    private static final Pattern SHA256 = Pattern.compile("[a-f0-9]{64}");
    private static final Pattern SHA512 = Pattern.compile("[a-f0-9]{128}");

    public Digest {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hex, "hex");
        Pattern p = switch (algorithm) {
            case "sha256" -> SHA256;
            case "sha512" -> SHA512;
            default ->
                throw new InvalidDigestException(
                        algorithm + ":" + hex,
                        "unsupported digest algorithm \"" + algorithm + "\"",
                        "use a sha256 digest");
        };
        if (!p.matcher(hex).matches()) {
            throw new InvalidDigestException(
                    algorithm + ":" + hex,
                    "the " + algorithm + " value must be " + (p == SHA256 ? 64 : 128) + " lowercase hex digits",
                    "copy the digest exactly as the registry or `docker images --digests` shows it");
        }
    }

    /** Parses {@code algorithm:hex}. */
    public static Digest parse(String text) {
        Objects.requireNonNull(text, "text");
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new InvalidDigestException(
                    text, "a digest is written algorithm:hex", "write it like sha256:<64 hex digits>");
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    public static Digest sha256(byte[] data) {
        return new Digest("sha256", HexFormat.of().formatHex(newSha256().digest(data)));
    }

    /** A fresh sha256 hasher (every JDK ships one, so the checked exception cannot happen). */
    public static MessageDigest newSha256() {
        return hasher("sha256");
    }

    /** A fresh hasher for this digest's algorithm. */
    public MessageDigest newHasher() {
        return hasher(algorithm);
    }

    static MessageDigest hasher(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.equals("sha256") ? "SHA-256" : "SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + algorithm, e);
        }
    }

    /** The digest a finished hasher computed, in this digest's algorithm. */
    public Digest sameAlgorithm(MessageDigest finished) {
        return new Digest(algorithm, HexFormat.of().formatHex(finished.digest()));
    }

    /** The first 12 hex digits, as docker shows short IDs. */
    public String shortHex() {
        return hex.substring(0, 12);
    }

    @Override
    public int compareTo(Digest o) {
        int c = algorithm.compareTo(o.algorithm);
        return c != 0 ? c : hex.compareTo(o.hex);
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
