package dev.jcompose.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** {@code build} ({@code BuildConfig}); rarely used BuildKit options stay raw JSON. */
@JsonInclude(Include.NON_EMPTY)
@JsonPropertyOrder({
    "context",
    "dockerfile",
    "dockerfile_inline",
    "entitlements",
    "args",
    "provenance",
    "sbom",
    "ssh",
    "labels",
    "cache_from",
    "cache_to",
    "no_cache",
    "no_cache_filter",
    "additional_contexts",
    "pull",
    "extra_hosts",
    "isolation",
    "network",
    "target",
    "secrets",
    "shm_size",
    "tags",
    "ulimits",
    "platforms",
    "privileged"
})
public record BuildConfig(
        String context,
        String dockerfile,
        String dockerfileInline,
        List<String> entitlements,
        SortedMap<String, String> args,
        String provenance,
        String sbom,
        @JsonInclude(Include.NON_NULL) JsonNode ssh,
        SortedMap<String, String> labels,
        List<String> cacheFrom,
        List<String> cacheTo,
        @JsonInclude(Include.NON_DEFAULT) boolean noCache,
        List<String> noCacheFilter,
        SortedMap<String, String> additionalContexts,
        @JsonInclude(Include.NON_DEFAULT) boolean pull,
        List<String> extraHosts,
        String isolation,
        String network,
        String target,
        List<FileReference> secrets,

        @JsonInclude(Include.NON_DEFAULT)
        @JsonSerialize(using = ByteSizeJson.Serializer.class)
        @JsonDeserialize(using = ByteSizeJson.Deserializer.class)
        long shmSize,

        List<String> tags,
        SortedMap<String, Ulimit> ulimits,
        List<String> platforms,
        @JsonInclude(Include.NON_DEFAULT) boolean privileged,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extensions) {
    public BuildConfig {
        entitlements = Copies.list(entitlements);
        args = Copies.map(args);
        labels = Copies.map(labels);
        cacheFrom = Copies.list(cacheFrom);
        cacheTo = Copies.list(cacheTo);
        noCacheFilter = Copies.list(noCacheFilter);
        additionalContexts = Copies.map(additionalContexts);
        extraHosts = Copies.list(extraHosts);
        secrets = Copies.list(secrets);
        tags = Copies.list(tags);
        ulimits = Copies.map(ulimits);
        platforms = Copies.list(platforms);
        extensions = Copies.extensions(extensions);
    }
}
