package dev.jcompose.bridge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Kernel interface names (at most 15 characters): {@code jc-} + 10 hex of the network name's
 * SHA-256 for bridges, {@code jv} + 11 hex of endpoint and network for host-side veths. Stable,
 * so a restarted process finds its links again.
 */
public final class LinkNames {
    private LinkNames() {}

    public static String bridge(String network) {
        return "jc-" + hash(network).substring(0, 10);
    }

    public static String hostVeth(String endpoint, String network) {
        return "jv" + hash(endpoint + "\0" + network).substring(0, 11);
    }

    static String hash(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
