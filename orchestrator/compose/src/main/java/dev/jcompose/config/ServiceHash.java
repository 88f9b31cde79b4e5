package dev.jcompose.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.model.GoJsonWriter;
import dev.jcompose.model.ModelJson;
import dev.jcompose.model.ServiceConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The per-service configuration hash docker compose stores in the {@code com.docker.compose.config-hash}
 * label and prints with {@code config --hash}: the sha256 (hex) of the service's compact compose-go
 * JSON, after clearing what may change without recreating containers: {@code build},
 * {@code pull_policy}, {@code scale}, {@code deploy.replicas}, {@code depends_on} and {@code profiles}.
 * Nested {@code x-*} extensions are not part of compose-go's JSON and so not of the hash.
 */
public final class ServiceHash {
    private ServiceHash() {}

    public static String of(ServiceConfig service) {
        return sha256(hashedJson(service));
    }

    /** The exact text that is hashed. */
    static String hashedJson(ServiceConfig service) {
        ObjectNode json = (ObjectNode) ModelJson.composeTree(service);
        json.remove("build");
        json.remove("pull_policy");
        json.remove("scale");
        json.remove("depends_on");
        json.remove("profiles");
        JsonNode deploy = json.get("deploy");
        if (deploy instanceof ObjectNode d) {
            d.remove("replicas");
        }
        return GoJsonWriter.compact(json);
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
