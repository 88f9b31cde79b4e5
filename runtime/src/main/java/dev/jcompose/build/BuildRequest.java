package dev.jcompose.build;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One image to build: the compose {@code build} section in runtime terms, paths already absolute.
 *
 * @param context            the build context directory
 * @param dockerfile         the Dockerfile (absolute); ignored when {@code dockerfileInline} is set
 * @param dockerfileInline   the Dockerfile's text ({@code dockerfile_inline}), else null
 * @param args               build arguments ({@code args}, {@code --build-arg}); a null value means
 *                           "not given" (the ARG's default applies)
 * @param target             the stage to build; null = the last one
 * @param labels             labels added to the image config
 * @param network            RUN's network: {@code default}, {@code none} or {@code host}; null = default
 * @param secrets            secret id to the file holding it
 * @param additionalContexts name to a directory, or to {@code docker-image://REF} for an image
 * @param noCache            rebuild every step
 * @param pull               look up the base images in the registry even when present
 * @param tags               the names the image gets; the first is the one compose runs
 * @param shmSizeBytes       /dev/shm of RUN containers; 0 = the default
 * @param extraHosts         {@code host=ip} or {@code host:ip} entries added to RUN's /etc/hosts
 */
public record BuildRequest(
        Path context,
        Path dockerfile,
        String dockerfileInline,
        SortedMap<String, String> args,
        String target,
        SortedMap<String, String> labels,
        String network,
        SortedMap<String, Path> secrets,
        SortedMap<String, String> additionalContexts,
        boolean noCache,
        boolean pull,
        List<String> tags,
        long shmSizeBytes,
        List<String> extraHosts) {
    public BuildRequest {
        args = sorted(args);
        labels = sorted(labels);
        secrets = sorted(secrets);
        additionalContexts = sorted(additionalContexts);
        tags = List.copyOf(tags);
        extraHosts = extraHosts == null ? List.of() : List.copyOf(extraHosts);
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("a build needs at least one tag");
        }
    }

    /** The name compose runs the image under. */
    public String reference() {
        return tags.get(0);
    }

    private static <V> SortedMap<String, V> sorted(Map<String, V> m) {
        // TreeMap keeps null values, which args use for "given without a value"
        return Collections.unmodifiableSortedMap(new TreeMap<>(m == null ? Map.of() : m));
    }
}
