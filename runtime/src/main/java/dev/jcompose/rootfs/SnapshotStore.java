package dev.jcompose.rootfs;

import dev.jcompose.host.HostPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Layer snapshots under {@code dataRoot/snapshots}: {@code <algo>-<hex>/fs} per layer digest, and
 * short links {@code l/<prefix> -> ../<algo>-<hex>/fs}. A layer is unpacked into {@code tmp/} and
 * renamed into place in one step, so a crash or a rejected layer never leaves a half snapshot.
 */
public final class SnapshotStore {
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+:[a-f0-9]{32,128}");
    private static final int SHORT = 12;

    /**
     * A layer blob to unpack, keyed by {@code digest}; when {@code diffId} is set the uncompressed
     * stream must hash to it (images key their snapshots by diff_id, so equal layers are unpacked once
     * however they were compressed).
     */
    public record Layer(String digest, Path blob, String diffId) {
        public Layer(String digest, Path blob) {
            this(digest, blob, null);
        }
    }

    private final Path root;
    private final LayerUnpacker unpacker;

    public SnapshotStore(HostPaths paths, UnpackLimits limits) {
        this.root = paths.dataRoot().resolve("snapshots");
        this.unpacker = new LayerUnpacker(limits);
    }

    public Path root() {
        return root;
    }

    /** Unpacks all layers not unpacked yet, concurrently; returns snapshots in the given order. */
    public List<Snapshot> ensureAll(List<Layer> layers) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Snapshot>> fs = new ArrayList<>();
            for (Layer l : layers) {
                fs.add(pool.submit(() -> ensure(l.digest(), l.blob(), l.diffId())));
            }
            List<Snapshot> out = new ArrayList<>();
            for (Future<Snapshot> f : fs) {
                out.add(join(f));
            }
            return out;
        }
    }

    public Snapshot ensure(String digest, Path blob) {
        return ensure(digest, blob, null);
    }

    /** The snapshot of {@code digest}, unpacked from {@code blob} first if missing (verified against {@code diffId}). */
    public Snapshot ensure(String digest, Path blob, String diffId) {
        String id = idOf(digest);
        Path dir = root.resolve(id);
        try {
            if (!Files.isDirectory(dir.resolve("fs"), LinkOption.NOFOLLOW_LINKS)) {
                unpackInto(dir, blob, diffId);
            }
            return new Snapshot(id, dir.resolve("fs"), link(id));
        } catch (IOException e) {
            throw new UncheckedIOException("snapshot " + id + ": " + e.getMessage(), e);
        }
    }

    public void remove(String digest) {
        String id = idOf(digest);
        try {
            Path dir = root.resolve(id);
            if (Files.exists(dir.resolve("link"))) {
                Files.deleteIfExists(root.resolve("l")
                        .resolve(Files.readString(dir.resolve("link")).strip()));
            }
            deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String idOf(String digest) {
        if (!DIGEST.matcher(digest).matches()) {
            throw new LayerUnpackException("'" + digest + "' is not a layer digest (algorithm:hex)");
        }
        return digest.replace(':', '-');
    }

    /** The snapshot of {@code digest} if it is unpacked. */
    public java.util.Optional<Snapshot> find(String digest) {
        String id = idOf(digest);
        Path dir = root.resolve(id);
        if (!Files.isDirectory(dir.resolve("fs"), LinkOption.NOFOLLOW_LINKS)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new Snapshot(id, dir.resolve("fs"), link(id)));
        } catch (IOException e) {
            throw new UncheckedIOException("snapshot " + id + ": " + e.getMessage(), e);
        }
    }

    /** The digests ("algorithm:hex") of every unpacked snapshot, sorted. */
    public List<String> digests() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> DIGEST.matcher(n.replaceFirst("-", ":")).matches())
                    .filter(n -> Files.isDirectory(root.resolve(n).resolve("fs"), LinkOption.NOFOLLOW_LINKS))
                    .map(n -> n.replaceFirst("-", ":"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list snapshots in " + root + ": " + e.getMessage(), e);
        }
    }

    private void unpackInto(Path dir, Path blob, String diffId) throws IOException {
        Path tmpRoot = Files.createDirectories(root.resolve("tmp"));
        Path tmp = Files.createTempDirectory(
                tmpRoot,
                dir.getFileName() + ".",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            Path fs = Files.createDirectory(tmp.resolve("fs"));
            Files.setPosixFilePermissions(fs, PosixFilePermissions.fromString("rwxr-xr-x"));
            unpacker.unpack(blob, fs, diffId);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx--x--x"));
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // Another unpack of the same layer may have won the race: its result is as good as ours.
                if (!Files.isDirectory(dir.resolve("fs"), LinkOption.NOFOLLOW_LINKS)) {
                    throw e;
                }
            }
        } finally {
            deleteTree(tmp);
        }
    }

    /** The short link name for a snapshot, created on first use: its digest prefix, longer on a clash. */
    private synchronized String link(String id) throws IOException {
        Path dir = root.resolve(id);
        Path recorded = dir.resolve("link");
        if (Files.exists(recorded)) {
            return Files.readString(recorded).strip();
        }
        Path links = Files.createDirectories(root.resolve("l"));
        String hex = id.substring(id.indexOf('-') + 1);
        Path target = Path.of("..", id, "fs");
        for (int n = SHORT; ; n++) {
            String name = hex.substring(0, Math.min(n, hex.length()));
            Path l = links.resolve(name);
            try {
                Files.createSymbolicLink(l, target);
            } catch (FileAlreadyExistsException e) {
                if (!Files.readSymbolicLink(l).equals(target)) {
                    continue;
                }
            }
            Files.writeString(recorded, name);
            return name;
        }
    }

    private static Snapshot join(Future<Snapshot> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while unpacking layers", e);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
