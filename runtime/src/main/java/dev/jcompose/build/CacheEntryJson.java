package dev.jcompose.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.content.Digest;
import dev.jcompose.image.Descriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link CacheEntry} on disk. The config is kept as the exact bytes {@link DraftJson} wrote (a string
 * field), so a hit reproduces them byte for byte. A version field lets a later format treat old entries
 * as misses.
 */
final class CacheEntryJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int VERSION = 1;

    private CacheEntryJson() {}

    static byte[] write(CacheEntry e) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put("created", e.created().toString());
        if (e.layer() != null) {
            root.putObject("layer")
                    .put("digest", e.layer().digest().toString())
                    .put("size", e.layer().size());
        }
        var layers = root.putArray("layers");
        for (Descriptor d : e.draft().layers()) {
            layers.addObject()
                    .put("mediaType", d.mediaType())
                    .put("digest", d.digest().toString())
                    .put("size", d.size());
        }
        root.put("config", new String(DraftJson.write(e.draft()), StandardCharsets.UTF_8));
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The entry; throws on anything malformed (the cache then treats it as a miss). */
    static CacheEntry parse(byte[] data) {
        JsonNode root;
        try {
            root = MAPPER.readTree(data);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (root == null
                || root.path("version").asInt() != VERSION
                || !root.path("config").isTextual()) {
            throw new IllegalArgumentException("not a version " + VERSION + " cache entry");
        }
        List<Descriptor> layers = new ArrayList<>();
        for (JsonNode l : root.path("layers")) {
            layers.add(new Descriptor(
                    l.path("mediaType").asText(),
                    Digest.parse(l.path("digest").asText()),
                    l.path("size").asLong(-1)));
        }
        JsonNode l = root.get("layer");
        BuiltLayer layer = l == null
                ? null
                : new BuiltLayer(
                        Digest.parse(l.path("digest").asText()), l.path("size").asLong(-1));
        ImageDraft draft = DraftJson.parse(
                root.path("config").asText().getBytes(StandardCharsets.UTF_8), layers, "build cache entry");
        return new CacheEntry(draft, layer, Instant.parse(root.path("created").asText()));
    }
}
