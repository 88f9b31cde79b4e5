package dev.jcompose.image;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How to reach registries.
 *
 * @param mirrors            per registry host, mirror base URLs tried before it (docker's registry-mirrors
 *                           is {@code docker.io -> [url]})
 * @param insecureRegistries hosts spoken to over plain HTTP (localhost and 127.0.0.0/8 always are)
 * @param dockerConfig       the docker CLI config.json holding credentials, or {@code null} for none
 * @param maxConcurrentDownloads layers downloaded at once (docker's default is 3)
 * @param timeout            connect and response-header timeout
 */
public record RegistryConfig(
        SortedMap<String, List<URI>> mirrors,
        SortedSet<String> insecureRegistries,
        Path dockerConfig,
        int maxConcurrentDownloads,
        Duration timeout) {
    public RegistryConfig {
        SortedMap<String, List<URI>> m = new TreeMap<>();
        mirrors.forEach((k, v) -> m.put(k, List.copyOf(v)));
        mirrors = Collections.unmodifiableSortedMap(m);
        insecureRegistries = Collections.unmodifiableSortedSet(new TreeSet<>(insecureRegistries));
        if (maxConcurrentDownloads < 1) {
            throw new IllegalArgumentException("maxConcurrentDownloads must be at least 1");
        }
    }

    /** No mirrors, no extra insecure registries, credentials from the usual docker config file. */
    public static RegistryConfig defaults(Map<String, String> env) {
        return new RegistryConfig(
                new TreeMap<>(), new TreeSet<>(), DockerCredentials.defaultConfigFile(env), 3, Duration.ofSeconds(30));
    }

    public RegistryConfig withMirror(String registry, URI mirror) {
        SortedMap<String, List<URI>> m = new TreeMap<>(mirrors);
        List<URI> list = new ArrayList<>(m.getOrDefault(registry, List.of()));
        list.add(mirror);
        m.put(registry, list);
        return new RegistryConfig(m, insecureRegistries, dockerConfig, maxConcurrentDownloads, timeout);
    }

    public RegistryConfig withInsecure(String registry) {
        SortedSet<String> s = new TreeSet<>(insecureRegistries);
        s.add(registry);
        return new RegistryConfig(mirrors, s, dockerConfig, maxConcurrentDownloads, timeout);
    }

    public RegistryConfig withDockerConfig(Path file) {
        return new RegistryConfig(mirrors, insecureRegistries, file, maxConcurrentDownloads, timeout);
    }

    public RegistryConfig withMaxConcurrentDownloads(int n) {
        return new RegistryConfig(mirrors, insecureRegistries, dockerConfig, n, timeout);
    }

    public RegistryConfig withTimeout(Duration t) {
        return new RegistryConfig(mirrors, insecureRegistries, dockerConfig, maxConcurrentDownloads, t);
    }

    /** Where to pull {@code registry}'s images from, in order: its mirrors, then the registry itself. */
    public List<URI> endpoints(String registry) {
        List<URI> out = new ArrayList<>(mirrors.getOrDefault(registry, List.of()));
        out.add(upstream(registry));
        return out;
    }

    URI upstream(String registry) {
        if (registry.equals(ImageReference.DOCKER_HUB)) {
            return URI.create("https://registry-1.docker.io");
        }
        return URI.create((isPlainHttp(registry) ? "http://" : "https://") + registry);
    }

    boolean isPlainHttp(String registry) {
        String host =
                registry.startsWith("[") ? registry.substring(0, registry.indexOf(']') + 1) : registry.split(":")[0];
        return insecureRegistries.contains(registry)
                || insecureRegistries.contains(host)
                || host.equals("localhost")
                || host.startsWith("127.")
                || host.equals("[::1]");
    }
}
