package dev.jcompose.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Registry credentials from a docker CLI {@code config.json} ({@code auths}: a base64 {@code auth} of
 * {@code user:password}, or {@code username}/{@code password}). Credential helpers are not run.
 */
public final class DockerCredentials {
    private final Path configFile;

    public DockerCredentials(Path configFile) {
        this.configFile = configFile;
    }

    /** {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}. */
    public static Path defaultConfigFile(Map<String, String> env) {
        String dir = env.get("DOCKER_CONFIG");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir, "config.json");
        }
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".docker", "config.json");
    }

    /** The credentials for a registry host ({@code docker.io}, {@code localhost:5000}), if configured. */
    public Optional<Credentials> lookup(String registry) {
        if (configFile == null || !Files.isRegularFile(configFile)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = Json.read(Files.readAllBytes(configFile), "docker config " + configFile);
        } catch (IOException e) {
            throw new ImageException(
                    "cannot read docker config " + configFile + ": " + e.getMessage(),
                    "fix its permissions or remove it");
        }
        String wanted = normalise(registry);
        for (var e : root.path("auths").properties()) {
            if (normalise(e.getKey()).equals(wanted)) {
                return Optional.of(decode(e.getKey(), e.getValue()));
            }
        }
        return Optional.empty();
    }

    private Credentials decode(String key, JsonNode entry) {
        String auth = Json.text(entry, "auth");
        if (!auth.isEmpty()) {
            String plain;
            try {
                plain = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw invalid(key, "\"auth\" is not base64");
            }
            int colon = plain.indexOf(':');
            if (colon <= 0) {
                throw invalid(key, "\"auth\" does not decode to user:password");
            }
            return new Credentials(plain.substring(0, colon), plain.substring(colon + 1));
        }
        if (!Json.text(entry, "username").isEmpty()) {
            return new Credentials(Json.text(entry, "username"), Json.text(entry, "password"));
        }
        throw invalid(key, "the entry has neither \"auth\" nor \"username\"/\"password\"");
    }

    private ImageException invalid(String key, String problem) {
        return new ImageException(
                "invalid credentials for \"" + key + "\" in " + configFile + ": " + problem,
                "run `docker login " + key + "` again or fix the entry by hand");
    }

    /** Keys may be URLs ({@code https://index.docker.io/v1/}); compare hosts, with Docker Hub's aliases folded. */
    static String normalise(String key) {
        String k = key.strip();
        int scheme = k.indexOf("://");
        if (scheme >= 0) {
            k = k.substring(scheme + 3);
        }
        int slash = k.indexOf('/');
        if (slash >= 0) {
            k = k.substring(0, slash);
        }
        return switch (k) {
            case "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com" -> ImageReference.DOCKER_HUB;
            default -> k;
        };
    }
}
