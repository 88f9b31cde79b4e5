package dev.jcompose.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.content.ContentStore;
import dev.jcompose.content.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code jcompose load}: imports images from a {@code docker save} archive (legacy layout, or the newer
 * one with an OCI layout inside; manifest.json drives both), from an OCI image layout directory, or
 * from a tar of one. Every blob is verified before it is stored.
 */
public final class ImageLoader {
    private final ImageStore store;
    private final ContentStore content;

    public ImageLoader(ImageStore store) {
        this.store = store;
        this.content = store.content();
    }

    /** Loads everything in {@code source}; returns the images recorded, sorted by name. */
    public List<ImageRecord> load(Path source, Platform platform) {
        if (Files.isDirectory(source)) {
            return loadDirectory(new Source(source, Map.of()), source, platform);
        }
        if (!Files.isRegularFile(source)) {
            throw new ImageException(
                    "cannot load " + source + ": no such file or directory",
                    "give the path of a `docker save` tar, an OCI layout directory or its tar");
        }
        Path tmp = null;
        try {
            Files.createDirectories(content.root());
            tmp = Files.createTempDirectory(content.root(), "load-");
            Map<String, String> aliases = new ArchiveExtractor(source, tmp).extract();
            return loadDirectory(new Source(tmp, aliases), source, platform);
        } catch (IOException e) {
            throw new ImageException(
                    "cannot load " + source + ": " + e.getMessage(),
                    "check free space under " + content.root(),
                    dev.jcompose.ExitCode.FAILURE,
                    e);
        } finally {
            deleteTree(tmp);
        }
    }

    /** An unpacked archive or a layout directory, with the archive's links as aliases. */
    private record Source(Path dir, Map<String, String> aliases) {
        Path file(String name, Path origin) {
            String n = name;
            for (int hops = 0; aliases.containsKey(n) && hops < 16; hops++) {
                n = aliases.get(n);
            }
            Path p = dir.resolve(n).normalize();
            if (!p.startsWith(dir) || !Files.isRegularFile(p)) {
                throw new ImageException(
                        origin + " references \"" + name + "\", which it does not contain",
                        "the archive is incomplete; create it again");
            }
            return p;
        }
    }

    private List<ImageRecord> loadDirectory(Source src, Path origin, Platform platform) {
        List<ImageRecord> out;
        if (Files.isRegularFile(src.dir().resolve("manifest.json"))) {
            out = new DockerSaveReader(src, origin).read();
        } else if (Files.isRegularFile(src.dir().resolve("oci-layout"))) {
            out = new OciLayoutReader(src, origin, platform).read();
        } else {
            throw new ImageException(
                    origin + " is neither a docker save archive (no manifest.json) nor an OCI image "
                            + "layout (no oci-layout)",
                    "create it with `docker save` or `skopeo copy ... oci:DIR`");
        }
        return out.stream().sorted(Comparator.comparing(ImageRecord::name)).toList();
    }

    /** Reads manifest.json: [{"Config": path, "RepoTags": [..], "Layers": [paths]}]. */
    private final class DockerSaveReader {
        private final Source src;
        private final Path origin;

        DockerSaveReader(Source src, Path origin) {
            this.src = src;
            this.origin = origin;
        }

        List<ImageRecord> read() {
            JsonNode entries = Json.read(readBytes(src.file("manifest.json", origin)), "manifest.json of " + origin);
            List<ImageRecord> out = new ArrayList<>();
            for (JsonNode entry : entries) {
                out.addAll(readEntry(entry));
            }
            return out;
        }

        @SuppressWarnings("try") // the lock/lease is held for the block, not used in it
        private List<ImageRecord> readEntry(JsonNode entry) {
            byte[] configBytes = readBytes(src.file(Json.text(entry, "Config"), origin));
            Digest configDigest = Digest.sha256(configBytes);
            ImageConfig config =
                    ImageConfig.parse(configBytes, "config " + Json.text(entry, "Config") + " in " + origin);
            List<Descriptor> layers = new ArrayList<>();
            List<Digest> blobs = new ArrayList<>(List.of(configDigest));
            int i = 0;
            for (JsonNode l : entry.path("Layers")) {
                Path file = src.file(l.asText(), origin);
                Digest d = hash(file);
                checkLayer(
                        l.asText(),
                        file,
                        d,
                        i < config.diffIds().size() ? config.diffIds().get(i) : null);
                layers.add(new Descriptor(layerType(file), d, size(file)));
                blobs.add(d);
                i++;
            }
            Manifest m = new Manifest(
                    MediaTypes.OCI_MANIFEST,
                    new Descriptor(MediaTypes.OCI_CONFIG, configDigest, configBytes.length),
                    layers);
            byte[] manifestBytes = Manifests.write(m);
            Digest manifestDigest = Digest.sha256(manifestBytes);
            blobs.add(manifestDigest);
            List<String> names = new ArrayList<>();
            entry.path("RepoTags")
                    .forEach(t -> names.add(ImageReference.parse(t.asText()).toString()));
            if (names.isEmpty()) {
                names.add(manifestDigest.toString());
            }
            try (AutoCloseable lease = store.lease(blobs)) {
                content.write(configDigest, configBytes);
                for (int k = 0; k < layers.size(); k++) {
                    store(layers.get(k), src.file(entry.path("Layers").get(k).asText(), origin));
                }
                content.write(manifestDigest, manifestBytes);
                return names.stream()
                        .sorted()
                        .map(n -> store.put(n, manifestDigest, manifestDigest))
                        .toList();
            } catch (ImageException | dev.jcompose.content.ContentException e) {
                throw e;
            } catch (Exception e) {
                throw new ImageException("cannot load " + origin + ": " + e, null, dev.jcompose.ExitCode.FAILURE, e);
            }
        }

        private void checkLayer(String name, Path file, Digest d, Digest diffId) {
            // Newer archives name blobs by digest; uncompressed legacy layers must hash to their diff_id.
            boolean named = name.startsWith("blobs/sha256/");
            boolean ok = named
                    ? name.equals("blobs/sha256/" + d.hex())
                    : diffId == null || !layerType(file).equals(MediaTypes.OCI_LAYER) || diffId.equals(d);
            if (!ok) {
                throw new ImageException(
                        "layer " + name + " in " + origin + " hashes to " + d
                                + (named ? "" : ", but the image config expects " + diffId),
                        "the archive is corrupt; create it again");
            }
        }
    }

    /** Reads an OCI image layout: oci-layout, index.json and blobs/ALG/HEX. */
    private final class OciLayoutReader {
        private final Source src;
        private final Path origin;
        private final Platform platform;

        OciLayoutReader(Source src, Path origin, Platform platform) {
            this.src = src;
            this.origin = origin;
            this.platform = platform;
        }

        List<ImageRecord> read() {
            JsonNode layout = Json.read(readBytes(src.file("oci-layout", origin)), "oci-layout of " + origin);
            if (!Json.text(layout, "imageLayoutVersion").equals("1.0.0")) {
                throw new ImageException(
                        origin + " has OCI layout version \"" + Json.text(layout, "imageLayoutVersion")
                                + "\"; jcompose reads 1.0.0",
                        "export the image again with a current tool");
            }
            JsonNode index = Json.read(readBytes(src.file("index.json", origin)), "index.json of " + origin);
            List<ImageRecord> out = new ArrayList<>();
            for (JsonNode d : index.path("manifests")) {
                out.addAll(readTop(d));
            }
            return out;
        }

        @SuppressWarnings("try") // the lock/lease is held for the block, not used in it
        private List<ImageRecord> readTop(JsonNode node) {
            Descriptor top = Manifests.descriptor(node, "index.json of " + origin, true);
            List<Descriptor> blobs = new ArrayList<>(List.of(top));
            ManifestDocument doc = Manifests.parse(readBytes(blob(top)), top.mediaType(), "manifest " + top.digest());
            Digest manifestDigest = top.digest();
            if (doc instanceof ImageIndex idx) {
                Descriptor chosen = idx.select(platform)
                        .orElseThrow(() -> new ImageException(
                                origin + " has no image for platform " + platform + " (it offers "
                                        + String.join(", ", idx.platforms()) + ")",
                                "load an archive built for " + platform));
                blobs.add(chosen);
                manifestDigest = chosen.digest();
                doc = Manifests.parse(readBytes(blob(chosen)), chosen.mediaType(), "manifest " + chosen.digest());
            }
            if (!(doc instanceof Manifest m)) {
                throw new ImageException(
                        origin + ": nested indexes are not supported", "export a single-platform image");
            }
            blobs.add(m.config());
            blobs.addAll(m.layers());
            String name = name(node, manifestDigest);
            Digest finalManifest = manifestDigest;
            try (AutoCloseable lease =
                    store.lease(blobs.stream().map(Descriptor::digest).toList())) {
                for (Descriptor b : blobs) {
                    store(b, blob(b));
                }
                return List.of(store.put(name, top.digest(), finalManifest));
            } catch (ImageException | dev.jcompose.content.ContentException e) {
                throw e;
            } catch (Exception e) {
                throw new ImageException("cannot load " + origin + ": " + e, null, dev.jcompose.ExitCode.FAILURE, e);
            }
        }

        private Path blob(Descriptor d) {
            return src.file("blobs/" + d.digest().algorithm() + "/" + d.digest().hex(), origin);
        }

        /** containerd's full name annotation, else ref.name when it is a full reference; else untagged. */
        private String name(JsonNode node, Digest manifestDigest) {
            JsonNode ann = node.path("annotations");
            String full = Json.text(ann, "io.containerd.image.name");
            String ref = Json.text(ann, "org.opencontainers.image.ref.name");
            if (!full.isEmpty()) {
                return ImageReference.parse(full).toString();
            }
            if (ref.contains("/") || ref.contains(":")) {
                return ImageReference.parse(ref).toString();
            }
            return manifestDigest.toString();
        }
    }

    private void store(Descriptor d, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            content.write(d.digest(), d.size(), in);
        } catch (IOException e) {
            throw new ImageException(
                    "cannot read " + file + ": " + e.getMessage(), null, dev.jcompose.ExitCode.FAILURE, e);
        }
    }

    private static String layerType(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
                return MediaTypes.OCI_LAYER_GZIP;
            }
            if (magic.length == 4
                    && (magic[0] & 0xff) == 0x28
                    && (magic[1] & 0xff) == 0xb5
                    && (magic[2] & 0xff) == 0x2f
                    && (magic[3] & 0xff) == 0xfd) {
                return MediaTypes.OCI_LAYER_ZSTD;
            }
            return MediaTypes.OCI_LAYER;
        } catch (IOException e) {
            throw new ImageException(
                    "cannot read " + file + ": " + e.getMessage(), null, dev.jcompose.ExitCode.FAILURE, e);
        }
    }

    private static Digest hash(Path file) {
        MessageDigest md = Digest.newSha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) >= 0) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new ImageException(
                    "cannot read " + file + ": " + e.getMessage(), null, dev.jcompose.ExitCode.FAILURE, e);
        }
        return new Digest("sha256", java.util.HexFormat.of().formatHex(md.digest()));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ImageException(
                    "cannot read " + file + ": " + e.getMessage(), null, dev.jcompose.ExitCode.FAILURE, e);
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImageException(
                    "cannot read " + file + ": " + e.getMessage(), null, dev.jcompose.ExitCode.FAILURE, e);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new ImageException(
                    "cannot delete temporary directory " + dir + ": " + e.getMessage(),
                    "delete it by hand",
                    dev.jcompose.ExitCode.FAILURE,
                    e);
        }
    }
}
