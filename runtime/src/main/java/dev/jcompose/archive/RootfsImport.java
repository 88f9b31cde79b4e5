package dev.jcompose.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.content.Digest;
import dev.jcompose.image.MediaTypes;
import dev.jcompose.image.Platform;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.zip.GZIPInputStream;

/**
 * Writes a one-layer OCI image layout for a root filesystem tarball (plain or gzip), named by the
 * {@code org.opencontainers.image.ref.name} annotation. The tarball is the layer blob as it is; its
 * content is only checked by the runtime when the layer is unpacked (which rejects hostile entries).
 * The config is deterministic: no creation time, so the same tarball and changes give the same image id.
 */
public final class RootfsImport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private RootfsImport() {}

    /** Writes the layout into the empty or absent directory {@code layout}. */
    public static void write(Path tarball, String reference, ImageChanges changes, Platform platform, Path layout) {
        try {
            Path blobs = Files.createDirectories(layout.resolve("blobs/sha256"));
            LayerDigests layer = digests(tarball);
            Files.copy(tarball, blobs.resolve(layer.blob().hex()));
            byte[] config = bytes(config(changes, platform, layer.diffId()));
            Digest configDigest = put(blobs, config);
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("schemaVersion", 2);
            manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
            manifest.set("config", descriptor(MediaTypes.OCI_CONFIG, configDigest, config.length));
            manifest.putArray("layers")
                    .add(descriptor(
                            layer.gzip() ? MediaTypes.OCI_LAYER_GZIP : MediaTypes.OCI_LAYER,
                            layer.blob(),
                            layer.size()));
            byte[] manifestBytes = bytes(manifest);
            Digest manifestDigest = put(blobs, manifestBytes);
            ObjectNode index = JSON.createObjectNode();
            index.put("schemaVersion", 2);
            index.put("mediaType", MediaTypes.OCI_INDEX);
            ObjectNode entry = descriptor(MediaTypes.OCI_MANIFEST, manifestDigest, manifestBytes.length);
            entry.putObject("annotations").put("org.opencontainers.image.ref.name", reference);
            index.putArray("manifests").add(entry);
            Files.write(layout.resolve("index.json"), bytes(index));
            Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot import " + tarball + ": " + e.getMessage(),
                    "check that the file is readable and that there is free space",
                    ExitCode.FAILURE,
                    e);
        }
    }

    static ObjectNode config(ImageChanges changes, Platform platform, Digest diffId) {
        ObjectNode root = JSON.createObjectNode();
        root.put("architecture", platform.architecture());
        root.put("os", platform.os());
        ObjectNode c = root.putObject("config");
        if (!changes.env().isEmpty()) {
            changes.env().forEach(c.putArray("Env")::add);
        }
        if (changes.entrypoint() != null) {
            changes.entrypoint().forEach(c.putArray("Entrypoint")::add);
        }
        if (changes.cmd() != null) {
            changes.cmd().forEach(c.putArray("Cmd")::add);
        }
        if (!changes.workingDir().isEmpty()) {
            c.put("WorkingDir", changes.workingDir());
        }
        if (!changes.user().isEmpty()) {
            c.put("User", changes.user());
        }
        ObjectNode rootfs = root.putObject("rootfs");
        rootfs.put("type", "layers");
        rootfs.putArray("diff_ids").add(diffId.toString());
        ArrayNode history = root.putArray("history");
        history.addObject().put("created_by", "jcompose image import");
        return root;
    }

    private record LayerDigests(Digest blob, long size, Digest diffId, boolean gzip) {}

    /** The blob's digest and size, and the digest of its uncompressed content (the diff id). */
    private static LayerDigests digests(Path tarball) throws IOException {
        boolean gzip;
        try (InputStream in = Files.newInputStream(tarball)) {
            byte[] magic = in.readNBytes(2);
            gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
        }
        MessageDigest blob = Digest.newSha256();
        MessageDigest diff = Digest.newSha256();
        try (InputStream raw = new DigestInputStream(new BufferedInputStream(Files.newInputStream(tarball)), blob);
                InputStream content = new DigestInputStream(gzip ? new GZIPInputStream(raw) : raw, diff)) {
            content.transferTo(java.io.OutputStream.nullOutputStream());
            raw.transferTo(java.io.OutputStream.nullOutputStream()); // a gzip trailer the decompressor did not read
        }
        Digest d = new Digest("sha256", java.util.HexFormat.of().formatHex(blob.digest()));
        Digest id = gzip ? new Digest("sha256", java.util.HexFormat.of().formatHex(diff.digest())) : d;
        return new LayerDigests(d, Files.size(tarball), id, gzip);
    }

    private static ObjectNode descriptor(String mediaType, Digest digest, long size) {
        ObjectNode d = JSON.createObjectNode();
        d.put("mediaType", mediaType);
        d.put("digest", digest.toString());
        d.put("size", size);
        return d;
    }

    private static Digest put(Path blobs, byte[] data) throws IOException {
        Digest d = Digest.sha256(data);
        Files.write(blobs.resolve(d.hex()), data);
        return d;
    }

    private static byte[] bytes(ObjectNode node) throws IOException {
        return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    }
}
