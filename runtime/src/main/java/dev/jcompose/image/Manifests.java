package dev.jcompose.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.content.ContentException;
import dev.jcompose.content.Digest;
import java.util.ArrayList;
import java.util.List;

/** Reads manifests and indexes (OCI and Docker schema 2), and writes OCI manifests deterministically. */
public final class Manifests {
    private Manifests() {}

    /**
     * Parses a manifest document. {@code contentType} is the HTTP Content-Type or descriptor media type
     * (may be empty); the document's own {@code mediaType} field wins when present.
     */
    public static ManifestDocument parse(byte[] data, String contentType, String what) {
        JsonNode root = Json.read(data, what);
        String mediaType = Json.text(root, "mediaType");
        if (mediaType.isEmpty()) {
            mediaType = contentType == null ? "" : contentType.split(";")[0].strip();
        }
        if (mediaType.isEmpty() || mediaType.equals("application/json")) {
            // OCI allows omitting mediaType; the shape tells manifest from index.
            mediaType = root.has("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
        }
        if (mediaType.equals(MediaTypes.DOCKER_SCHEMA1)
                || mediaType.equals(MediaTypes.DOCKER_SCHEMA1_SIGNED)
                || root.path("schemaVersion").asInt() == 1) {
            throw new ImageException(
                    what + " uses Docker image manifest schema 1, which jcompose does not support",
                    "rebuild and push the image with a current docker or buildah (schema 2 / OCI)");
        }
        if (MediaTypes.isIndex(mediaType)) {
            return new ImageIndex(mediaType, descriptors(root.path("manifests"), what, true));
        }
        if (MediaTypes.isManifest(mediaType)) {
            JsonNode config = root.get("config");
            if (config == null || !config.isObject()) {
                throw new ImageException(
                        what + " has no config descriptor", "the image is corrupt; pull or load it again");
            }
            return new Manifest(
                    mediaType,
                    descriptor(config, what + " config", false),
                    descriptors(root.path("layers"), what, false));
        }
        throw new ImageException(
                what + " has unsupported media type \"" + mediaType + "\"",
                "jcompose reads OCI and Docker schema 2 images; this may be an artifact, not a container image");
    }

    private static List<Descriptor> descriptors(JsonNode array, String what, boolean withPlatform) {
        List<Descriptor> out = new ArrayList<>();
        if (!array.isArray()) {
            return out;
        }
        for (int i = 0; i < array.size(); i++) {
            out.add(descriptor(array.get(i), what + " entry " + i, withPlatform));
        }
        return out;
    }

    static Descriptor descriptor(JsonNode n, String what, boolean withPlatform) {
        Digest digest;
        try {
            digest = Digest.parse(Json.text(n, "digest"));
        } catch (ContentException e) {
            throw new ImageException(what + ": " + e.getMessage(), "the image is corrupt; pull or load it again");
        }
        long size = n.path("size").asLong(-1);
        if (size < 0) {
            throw new ImageException(what + " has no valid size", "the image is corrupt; pull or load it again");
        }
        Platform platform = null;
        JsonNode p = n.get("platform");
        if (withPlatform && p != null && p.isObject()) {
            platform = new Platform(Json.text(p, "os"), Json.text(p, "architecture"), Json.text(p, "variant"));
        }
        return new Descriptor(Json.text(n, "mediaType"), digest, size, platform);
    }

    /** An OCI image manifest as canonical JSON bytes (sorted keys, no whitespace). */
    public static byte[] write(Manifest m) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", m.mediaType());
        root.set("config", node(m.config()));
        ArrayNode layers = root.putArray("layers");
        m.layers().forEach(l -> layers.add(node(l)));
        return Json.write(root);
    }

    /** An OCI index as canonical JSON bytes. */
    public static byte[] write(ImageIndex index) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", index.mediaType());
        ArrayNode ms = root.putArray("manifests");
        index.manifests().forEach(d -> ms.add(node(d)));
        return Json.write(root);
    }

    static ObjectNode node(Descriptor d) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("mediaType", d.mediaType());
        n.put("digest", d.digest().toString());
        n.put("size", d.size());
        if (d.platform() != null) {
            ObjectNode p = n.putObject("platform");
            p.put("os", d.platform().os());
            p.put("architecture", d.platform().architecture());
            if (!d.platform().variant().isEmpty()) {
                p.put("variant", d.platform().variant());
            }
        }
        return n;
    }
}
