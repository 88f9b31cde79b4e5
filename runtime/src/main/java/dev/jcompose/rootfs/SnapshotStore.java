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

    /** A layer blob to unpack, keyed by its digest. */
    public record Layer(String digest, Path blob) {
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
                fs.add(pool.submit(() -> ensure(l.digest(), l.blob())));
            }
            List<Snapshot> out = new ArrayList<>();
            for (Future<Snapshot> f : fs) {
                out.add(join(f));
            }
            return out;
        }
    }

    public Snapshot ensure(String digest, Path blob) {
        String id = idOf(digest);
        Path dir = root.resolve(id);
        try {
            if (!Files.isDirectory(dir.resolve("fs"), LinkOption.NOFOLLOW_LINKS)) {
                unpackInto(dir, blob);
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
                Files.deleteIfExists(root.resolve("l").resolve(Files.readString(dir.resolve("link")).strip()));
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

    private void unpackInto(Path dir, Path blob) throws IOException {
        Path tmpRoot = Files.createDirectories(root.resolve("tmp"));
        Path tmp = Files.createTempDirectory(tmpRoot, dir.getFileName() + ".",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            Path fs = Files.createDirectory(tmp.resolve("fs"));
            Files.setPosixFilePermissions(fs, PosixFilePermissions.fromString("rwxr-xr-x"));
            unpacker.unpack(blob, fs);
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
