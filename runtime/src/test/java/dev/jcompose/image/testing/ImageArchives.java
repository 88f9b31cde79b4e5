package dev.jcompose.image.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.content.Digest;
import dev.jcompose.image.Descriptor;
import dev.jcompose.image.Manifest;
import dev.jcompose.image.Manifests;
import dev.jcompose.image.MediaTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes test images in the on-disk forms jcompose loads: an OCI image layout (directory or tar), and
 * {@code docker save} archives in both the legacy form ({@code <id>/layer.tar}, identical layers
 * symlinked) and the newer form (an OCI layout plus manifest.json, as docker 25+ writes).
 */
public final class ImageArchives {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ImageArchives() {}

    /** An OCI layout whose index names one image with {@code org.opencontainers.image.ref.name}. */
    public static void ociLayout(Path dir, String refName, TestImage image) {
        writeTree(dir, ociLayoutTar(refName, image.descriptor(), image.blobs()));
    }

    public static void ociLayout(Path dir, String refName, TestIndex index) {
        writeTree(dir, ociLayoutTar(refName, indexDescriptor(index), indexBlobs(index)));
    }

    /** The same layout as a tar archive. */
    public static byte[] ociLayoutTar(String refName, TestImage image) {
        return ociLayoutTar(refName, image.descriptor(), image.blobs()).toBytes();
    }

    private static DeterministicTar ociLayoutTar(String refName, Descriptor top, Map<Digest, byte[]> blobs) {
        DeterministicTar t = new DeterministicTar();
        t.file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}");
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        ObjectNode d = index.putArray("manifests").addObject();
        d.put("mediaType", top.mediaType());
        d.put("digest", top.digest().toString());
        d.put("size", top.size());
        if (refName != null) {
            d.putObject("annotations").put("org.opencontainers.image.ref.name", refName);
        }
        t.file("index.json", json(index));
        blobs.forEach((digest, data) -> t.file("blobs/sha256/" + digest.hex(), data, 0644));
        return t;
    }

    private static Descriptor indexDescriptor(TestIndex index) {
        return new Descriptor(MediaTypes.OCI_INDEX, index.digest(), index.bytes().length);
    }

    private static Map<Digest, byte[]> indexBlobs(TestIndex index) {
        Map<Digest, byte[]> blobs = new java.util.LinkedHashMap<>();
        index.images().forEach(i -> blobs.putAll(i.blobs()));
        blobs.put(index.digest(), index.bytes());
        return blobs;
    }

    /**
     * A legacy {@code docker save} archive of several images (repo tag to image); layers are stored
     * uncompressed as {@code <id>/layer.tar}, and a layer already written is symlinked, as docker does.
     */
    public static byte[] dockerSaveLegacy(Map<String, TestImage> images) {
        DeterministicTar t = new DeterministicTar();
        ArrayNode manifest = JSON.createArrayNode();
        Map<Digest, String> written = new HashMap<>();
        Map<Digest, ObjectNode> entries = new HashMap<>();
        new java.util.TreeMap<>(images).forEach((tag, image) -> {
            if (entries.containsKey(image.configDigest())) {
                // One image under several tags is one manifest.json entry listing them all, as docker writes it.
                ((ArrayNode) entries.get(image.configDigest()).get("RepoTags")).add(tag);
                return;
            }
            String configName = image.configDigest().hex() + ".json";
            t.file(configName, image.config(), 0644);
            String id = Digest.sha256((image.configDigest() + "/0").getBytes(StandardCharsets.UTF_8))
                    .hex();
            t.dir(id, 0755);
            t.file(id + "/VERSION", "1.0");
            t.file(id + "/json", "{\"id\":\"" + id + "\"}");
            String first = written.putIfAbsent(image.diffId(), id);
            if (first == null) {
                t.file(id + "/layer.tar", image.layerTar(), 0644);
            } else {
                t.symlink(id + "/layer.tar", "../" + first + "/layer.tar");
            }
            ObjectNode e = manifest.addObject();
            entries.put(image.configDigest(), e);
            e.put("Config", configName);
            e.putArray("RepoTags").add(tag);
            e.putArray("Layers").add(id + "/layer.tar");
        });
        t.file("manifest.json", json(manifest));
        return t.toBytes();
    }

    /** A docker 25+ {@code docker save} archive: an OCI layout with uncompressed layers plus manifest.json. */
    public static byte[] dockerSaveOci(String repoTag, TestImage image) {
        Digest layer = image.diffId();
        Manifest m = new Manifest(
                MediaTypes.OCI_MANIFEST,
                new Descriptor(MediaTypes.OCI_CONFIG, image.configDigest(), image.config().length),
                List.of(new Descriptor(MediaTypes.OCI_LAYER, layer, image.layerTar().length)));
        byte[] manifestBytes = Manifests.write(m);
        Map<Digest, byte[]> blobs = new java.util.LinkedHashMap<>();
        blobs.put(layer, image.layerTar());
        blobs.put(image.configDigest(), image.config());
        blobs.put(Digest.sha256(manifestBytes), manifestBytes);
        DeterministicTar t = ociLayoutTar(
                repoTag,
                new Descriptor(MediaTypes.OCI_MANIFEST, Digest.sha256(manifestBytes), manifestBytes.length),
                blobs);
        ArrayNode manifest = JSON.createArrayNode();
        ObjectNode e = manifest.addObject();
        e.put("Config", "blobs/sha256/" + image.configDigest().hex());
        e.putArray("RepoTags").add(repoTag);
        e.putArray("Layers").add("blobs/sha256/" + layer.hex());
        t.file("manifest.json", json(manifest));
        return t.toBytes();
    }

    private static String json(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a tar's members as files (the test archives hold only regular files). */
    private static void writeTree(Path dir, DeterministicTar tar) {
        try {
            Path archive = Files.createTempFile("layout", ".tar");
            try {
                Files.write(archive, tar.toBytes());
                try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                        Files.newInputStream(archive))) {
                    org.apache.commons.compress.archivers.tar.TarArchiveEntry e;
                    while ((e = in.getNextEntry()) != null) {
                        Path p = dir.resolve(e.getName());
                        if (e.isDirectory()) {
                            Files.createDirectories(p);
                        } else {
                            Files.createDirectories(p.getParent());
                            Files.copy(in, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            } finally {
                Files.deleteIfExists(archive);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
