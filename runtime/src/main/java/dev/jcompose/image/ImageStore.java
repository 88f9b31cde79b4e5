package dev.jcompose.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.content.ContentStore;
import dev.jcompose.content.Digest;
import dev.jcompose.host.HostPaths;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The image index: which name points at which manifest, in {@code dataRoot/images/index.json},
 * rewritten atomically under an exclusive {@link FileChannel#lock() file lock} so two jcompose
 * processes can pull and remove at once. Blobs live in the {@link ContentStore}; {@link #gc()}
 * deletes those no image references and no running pull has leased.
 */
public final class ImageStore {
    private final ContentStore content;
    private final Path dir;
    private final ReentrantLock processLock = new ReentrantLock();
    private final AtomicLong leaseSeq = new AtomicLong();

    public ImageStore(ContentStore content, Path dir) {
        this.content = content;
        this.dir = dir;
    }

    /** The store under {@code dataRoot/images} with blobs under {@code dataRoot/content}. */
    public static ImageStore under(HostPaths paths) {
        return new ImageStore(ContentStore.under(paths), paths.dataRoot().resolve("images"));
    }

    public ContentStore content() {
        return content;
    }

    /** An index entry: what the name resolved to, and the platform manifest. */
    private record Entry(Digest target, Digest manifest) {}

    /** Points {@code name} at a manifest whose blobs (manifest, config, layers) are already stored. */
    public ImageRecord put(String name, Digest target, Digest manifest) {
        ImageRecord r = load(name, new Entry(target, manifest));
        withIndex(index -> {
            index.put(name, new Entry(target, manifest));
            return true;
        });
        return r;
    }

    /** Finds an image by reference ({@code redis}, {@code host:5000/a:b}), manifest or config digest. */
    public Optional<ImageRecord> find(String nameOrDigest) {
        SortedMap<String, Entry> index = readIndex();
        String key = key(nameOrDigest);
        Entry e = index.get(key);
        if (e != null) {
            return Optional.of(load(key, e));
        }
        if (nameOrDigest.startsWith("sha256:")) {
            for (var en : index.entrySet()) {
                ImageRecord r = load(en.getKey(), en.getValue());
                if (r.manifestDigest().toString().equals(nameOrDigest)
                        || r.id().toString().equals(nameOrDigest)
                        || r.target().toString().equals(nameOrDigest)) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    public ImageRecord get(String nameOrDigest) {
        return find(nameOrDigest).orElseThrow(() -> new ImageNotFoundException(nameOrDigest));
    }

    private static String key(String nameOrDigest) {
        if (nameOrDigest.startsWith("sha256:")) {
            return nameOrDigest;
        }
        return ImageReference.parse(nameOrDigest).toString();
    }

    /** Every image, sorted by name. */
    public List<ImageRecord> list() {
        List<ImageRecord> out = new ArrayList<>();
        readIndex().forEach((name, e) -> out.add(load(name, e)));
        return out;
    }

    /** The layers of an image, base first, as verified blobs in the content store. */
    public List<LayerBlob> layers(ImageRecord image) {
        List<LayerBlob> out = new ArrayList<>();
        List<Descriptor> layers = image.manifest().layers();
        List<Digest> diffIds = image.config().diffIds();
        for (int i = 0; i < layers.size(); i++) {
            Descriptor l = layers.get(i);
            out.add(new LayerBlob(
                    content.require(l.digest()),
                    l.mediaType(),
                    l.digest(),
                    l.size(),
                    i < diffIds.size() ? diffIds.get(i) : null));
        }
        return out;
    }

    /** Removes the name, then garbage-collects; returns the deleted blobs. */
    public SortedSet<Digest> remove(String nameOrDigest) {
        String name =
                find(nameOrDigest).map(ImageRecord::name).orElseThrow(() -> new ImageNotFoundException(nameOrDigest));
        withIndex(index -> index.remove(name) != null);
        return gc();
    }

    /** Deletes every blob that no image references and no live pull leased; returns them, sorted. */
    public SortedSet<Digest> gc() {
        SortedSet<Digest> deleted = new TreeSet<>();
        withIndex(index -> {
            SortedSet<Digest> keep = leasedDigests();
            keep.addAll(pinnedDigests());
            index.forEach((name, e) -> keep.addAll(references(e)));
            for (Digest d : content.list()) {
                if (!keep.contains(d) && content.delete(d)) {
                    deleted.add(d);
                }
            }
            return false;
        });
        return deleted;
    }

    private SortedSet<Digest> references(Entry e) {
        SortedSet<Digest> out = new TreeSet<>();
        out.add(e.target);
        out.add(e.manifest);
        if (content.contains(e.manifest)
                && Manifests.parse(content.read(e.manifest), "", "manifest " + e.manifest) instanceof Manifest m) {
            out.add(m.config().digest());
            m.layers().forEach(l -> out.add(l.digest()));
        }
        return out;
    }

    private ImageRecord load(String name, Entry e) {
        ManifestDocument doc = Manifests.parse(content.read(e.manifest), "", "manifest " + e.manifest + " of " + name);
        if (!(doc instanceof Manifest m)) {
            throw new ImageException(
                    "image " + name + " points at an index, not a manifest", "remove the image and pull it again");
        }
        ImageConfig config = ImageConfig.parse(
                content.read(m.config().digest()), "config " + m.config().digest() + " of " + name);
        return new ImageRecord(name, e.target, e.manifest, m, config);
    }

    /**
     * Protects blobs from {@link #gc()} while a pull or load writes them and before its index entry
     * exists. Leases of processes that died are ignored and cleaned up.
     */
    public AutoCloseable lease(Collection<Digest> digests) {
        Path file = dir.resolve("leases").resolve(ProcessHandle.current().pid() + "-" + leaseSeq.incrementAndGet());
        StringBuilder sb = new StringBuilder();
        new TreeSet<>(digests).forEach(d -> sb.append(d).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, sb);
        } catch (IOException e) {
            throw failure("cannot write lease " + file, e);
        }
        return () -> Files.deleteIfExists(file);
    }

    private SortedSet<Digest> leasedDigests() {
        SortedSet<Digest> out = new TreeSet<>();
        Path leases = dir.resolve("leases");
        if (!Files.isDirectory(leases)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(leases)) {
            for (Path f : s) {
                long pid = Long.parseLong(f.getFileName().toString().split("-")[0]);
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    Files.readAllLines(f).stream()
                            .filter(l -> !l.isBlank())
                            .map(Digest::parse)
                            .forEach(out::add);
                } else {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new ImageException(
                    "cannot read the pull leases in " + leases + ": " + e.getMessage(),
                    "delete " + leases + " when no jcompose process is running");
        }
        return out;
    }

    /**
     * Keeps {@code digests} from {@link #gc()} until {@link #unpin} of the same holder, across
     * processes and restarts (unlike a {@link #lease}): for stores of their own that reference blobs,
     * such as the build cache, without the image store knowing them. Taken under the index lock, so a
     * gc runs wholly before or after it; returns false when a digest was already gone by then (the
     * holder must not rely on it), true when all are stored and now pinned.
     */
    public boolean pin(String holder, Collection<Digest> digests) {
        Path file = pinFile(holder);
        StringBuilder sb = new StringBuilder();
        new TreeSet<>(digests).forEach(d -> sb.append(d).append('\n'));
        boolean[] present = {true};
        withIndex(index -> {
            try {
                Files.createDirectories(file.getParent());
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.writeString(tmp, sb);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw failure("cannot write pin " + file, e);
            }
            present[0] = digests.stream().allMatch(content::contains);
            return false;
        });
        return present[0];
    }

    /** Drops a {@link #pin}; its blobs go with the next gc unless something else references them. */
    public void unpin(String holder) {
        Path file = pinFile(holder);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw failure("cannot remove pin " + file, e);
        }
    }

    /** The holders of every {@link #pin}, sorted. */
    public SortedSet<String> pinHolders() {
        SortedSet<String> out = new TreeSet<>();
        Path pins = dir.resolve("pins");
        if (!Files.isDirectory(pins)) {
            return out;
        }
        try (DirectoryStream<Path> s =
                Files.newDirectoryStream(pins, f -> !f.toString().endsWith(".tmp"))) {
            s.forEach(f -> out.add(f.getFileName().toString()));
        } catch (IOException e) {
            throw failure("cannot list the pins in " + pins, e);
        }
        return out;
    }

    private Path pinFile(String holder) {
        if (!holder.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,200}")) {
            throw new IllegalArgumentException("invalid pin holder name '" + holder + "'");
        }
        return dir.resolve("pins").resolve(holder);
    }

    private SortedSet<Digest> pinnedDigests() {
        SortedSet<Digest> out = new TreeSet<>();
        Path pins = dir.resolve("pins");
        if (!Files.isDirectory(pins)) {
            return out;
        }
        try (DirectoryStream<Path> s =
                Files.newDirectoryStream(pins, f -> !f.toString().endsWith(".tmp"))) {
            for (Path f : s) {
                Files.readAllLines(f).stream()
                        .filter(l -> !l.isBlank())
                        .map(Digest::parse)
                        .forEach(out::add);
            }
        } catch (IOException | RuntimeException e) {
            // Deleting blobs that a holder may still need is worse than keeping garbage: refuse.
            throw new ImageException(
                    "cannot read the pins in " + pins + ": " + e.getMessage(),
                    "remove the unreadable file from " + pins + " (e.g. with `jcompose builder prune`)");
        }
        return out;
    }

    /** Runs {@code change} on the index under both locks; rewrites the file if it returns true. */
    @SuppressWarnings("try") // the lock/lease is held for the block, not used in it
    private void withIndex(Function<SortedMap<String, Entry>, Boolean> change) {
        processLock.lock();
        try {
            Files.createDirectories(dir);
            try (FileChannel ch =
                            FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = ch.lock()) {
                SortedMap<String, Entry> index = readIndex();
                if (change.apply(index)) {
                    writeIndex(index);
                }
            }
        } catch (IOException e) {
            throw failure("cannot update the image index in " + dir, e);
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw new ImageException(
                    "two image stores on " + dir + " in one process",
                    "share one ImageStore per data root within a process (file locks only exclude other processes)");
        } finally {
            processLock.unlock();
        }
    }

    private SortedMap<String, Entry> readIndex() {
        SortedMap<String, Entry> out = new TreeMap<>();
        Path file = dir.resolve("index.json");
        if (!Files.exists(file)) {
            return out;
        }
        try {
            JsonNode root = Json.read(Files.readAllBytes(file), "image index " + file);
            root.path("images")
                    .properties()
                    .forEach(e -> out.put(
                            e.getKey(),
                            new Entry(
                                    Digest.parse(e.getValue().path("target").asText()),
                                    Digest.parse(e.getValue().path("manifest").asText()))));
        } catch (IOException e) {
            throw failure("cannot read the image index " + file, e);
        }
        return out;
    }

    private void writeIndex(SortedMap<String, Entry> index) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode images = root.putObject("images");
        index.forEach((name, e) -> {
            ObjectNode n = images.putObject(name);
            n.put("target", e.target.toString());
            n.put("manifest", e.manifest.toString());
        });
        Path tmp = dir.resolve("index.json.tmp");
        try (FileChannel ch = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(Json.MAPPER
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(root)
                    .concat("\n")
                    .getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
        Files.move(tmp, dir.resolve("index.json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    private static ImageException failure(String what, IOException e) {
        return new ImageException(
                what + ": " + e.getMessage(),
                "check the permissions and free space of the data root",
                dev.jcompose.ExitCode.FAILURE,
                e);
    }
}
