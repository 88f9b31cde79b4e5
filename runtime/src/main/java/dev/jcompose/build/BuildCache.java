package dev.jcompose.build;

import dev.jcompose.JcomposeException;
import dev.jcompose.content.ContentStore;
import dev.jcompose.content.Digest;
import dev.jcompose.host.HostPaths;
import dev.jcompose.image.Descriptor;
import dev.jcompose.image.ImageStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The persistent step cache, {@code dataRoot/build/cache/<key>.json}: what the image looked like after
 * a step (its {@link ImageDraft}, layers and times included) and the layer the step made. The key is a
 * sha256 the executor computes from the parent state, the instruction, the args in scope and the
 * content it read. Entries are written to a temp file and renamed, so concurrent builds only ever see
 * whole entries; an unreadable entry, or one whose blobs are gone, is a miss and is removed.
 *
 * <p>An entry pins its layer blobs in the {@link ImageStore} (holder {@code build-cache-<key>}), so
 * {@link ImageStore#gc()} keeps them while the cache does, and collects them after {@link #prune()}.
 * Cache mounts ({@code RUN --mount=type=cache}) live in {@code dataRoot/build/mounts/} and go with
 * prune too.
 */
public final class BuildCache {
    private static final Pattern KEY = Pattern.compile("[a-f0-9]{64}");
    private static final String HOLDER = "build-cache-";

    private final ImageStore images;
    private final Path entries;
    private final Path mounts;

    public BuildCache(HostPaths paths, ImageStore images) {
        this.images = images;
        Path build = paths.dataRoot().resolve("build");
        this.entries = build.resolve("cache");
        this.mounts = build.resolve("mounts");
    }

    /** What prune freed: entries removed, blobs the following gc deleted, and the bytes of both and the mounts. */
    public record Pruned(int entries, SortedSet<Digest> blobs, long bytes) {}

    /** The cached result of a step, or empty on a miss. */
    public Optional<CacheEntry> get(String key) {
        Path file = entryFile(key);
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("cannot read the build cache entry " + file, e);
        }
        try {
            CacheEntry entry = CacheEntryJson.parse(data);
            ContentStore content = images.content();
            if (entry.draft().layers().stream().allMatch(l -> content.contains(l.digest()))) {
                return Optional.of(entry);
            }
        } catch (RuntimeException e) {
            // corrupt (a crash cannot cause it, a hand edit or a disk fault can): a miss, as below
        }
        forget(key);
        return Optional.empty();
    }

    /**
     * Stores {@code entry} under {@code key}, replacing what it held. Skipped (returns false) when a
     * blob of the entry was collected before the pin took hold: such an entry could never be used.
     */
    public boolean put(String key, CacheEntry entry) {
        Path file = entryFile(key);
        List<Digest> blobs =
                entry.draft().layers().stream().map(Descriptor::digest).toList();
        if (!images.pin(HOLDER + key, blobs)) {
            forget(key);
            return false;
        }
        try {
            Files.createDirectories(entries);
            Path tmp = Files.createTempFile(entries, key + ".", ".tmp");
            try {
                Files.write(tmp, CacheEntryJson.write(entry));
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw failure("cannot write the build cache entry " + file, e);
        }
        return true;
    }

    /** The directory of cache mount {@code id} (created if missing): it persists until {@link #prune()}. */
    public Path cacheMount(String id) {
        String name = HexFormat.of().formatHex(Digest.newSha256().digest(id.getBytes(StandardCharsets.UTF_8)));
        Path dir = mounts.resolve(name);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw failure("cannot create the cache mount " + dir + " for id " + id, e);
        }
    }

    /** Removes every entry and cache mount, then collects the blobs nothing else holds. */
    public Pruned prune() {
        int removed = 0;
        for (String key : keys()) {
            forget(key);
            removed++;
        }
        for (String holder : images.pinHolders()) {
            if (holder.startsWith(HOLDER)) {
                images.unpin(holder); // left by an entry removed by hand
            }
        }
        long bytes = deleteTree(mounts);
        Map<Digest, Long> sizes = new HashMap<>();
        ContentStore content = images.content();
        content.list().forEach(d -> sizes.put(d, size(content.blobPath(d))));
        SortedSet<Digest> blobs = images.gc();
        for (Digest d : blobs) {
            bytes += sizes.getOrDefault(d, 0L);
        }
        return new Pruned(removed, blobs, bytes);
    }

    /** The keys of all entries, sorted. */
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(entries)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(entries, "*.json")) {
            for (Path f : s) {
                String name = f.getFileName().toString();
                String key = name.substring(0, name.length() - ".json".length());
                if (KEY.matcher(key).matches()) {
                    out.add(key);
                }
            }
        } catch (IOException e) {
            throw failure("cannot list the build cache " + entries, e);
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private void forget(String key) {
        try {
            Files.deleteIfExists(entryFile(key));
        } catch (IOException e) {
            throw failure("cannot remove the build cache entry " + entryFile(key), e);
        }
        images.unpin(HOLDER + key);
    }

    private Path entryFile(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a build cache key is 64 lowercase hex digits, not '" + key + "'");
        }
        return entries.resolve(key + ".json");
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Deletes a tree without following symlinks; returns the bytes of the regular files it held. */
    private static long deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        long bytes = 0;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    bytes += Files.size(p);
                }
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw failure("cannot remove the cache mounts in " + root, e);
        }
        return bytes;
    }

    private static JcomposeException failure(String what, IOException e) {
        return new JcomposeException(
                what + ": " + e.getMessage(),
                "check the permissions and free space of the data root",
                dev.jcompose.ExitCode.FAILURE,
                e);
    }
}
