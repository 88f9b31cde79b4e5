package dev.jcompose.build;

import dev.jcompose.dockerfile.DockerfileException;
import dev.jcompose.dockerfile.Heredoc;
import dev.jcompose.dockerfile.Instruction;
import dev.jcompose.rootfs.NativeFs;
import dev.jcompose.rootfs.RootfsException;
import dev.jcompose.rootfs.UnpackLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One COPY or ADD, resolved against its source before anything is written: which entries it brings
 * ({@link #contentKey()} hashes exactly those, for the step cache) and, once the executor has mounted the
 * stage's root, {@link #apply} writes them there with Docker's destination rules: a directory source
 * brings its contents; a destination ending in {@code /} (or {@code .}) is a directory, created if
 * missing; otherwise a single file source is written under that name, unless it names an existing
 * directory. Relative destinations are under the WORKDIR.
 */
public final class CopyPlan {
    /** What one source brings: a tree of the context or stage, or a here-document. */
    sealed interface Item permits Tree, Inline {}

    /** @param name the source's own name (for a file written into a directory); {@code unpack} for ADD archives */
    record Tree(String name, List<SourceEntry> entries, boolean unpack) implements Item {
        SourceEntry top() {
            return entries.get(0);
        }
    }

    record Inline(String name, byte[] content) implements Item {}

    private static final FileTime HEREDOC_TIME = FileTime.fromMillis(0); // reproducible layers

    private final Instruction.Copy copy;
    private final boolean keepsOwners;
    private final String destination;
    private final boolean intoDirectory;
    private final List<Item> items;
    private String key;

    private CopyPlan(
            Instruction.Copy copy, boolean keepsOwners, String destination, boolean intoDirectory, List<Item> items) {
        this.copy = copy;
        this.keepsOwners = keepsOwners;
        this.destination = destination;
        this.intoDirectory = intoDirectory;
        this.items = List.copyOf(items);
    }

    /**
     * Resolves {@code copy} (variables already expanded) against {@code source}: the build context for a
     * plain COPY/ADD, the stage's root for {@code --from}. {@code workdir} is the stage's WORKDIR.
     *
     * @throws DockerfileException naming the instruction's line when a source is missing, a pattern is
     *     malformed, the destination cannot take several sources, or ADD names a URL
     */
    public static CopyPlan of(BuildContext source, Instruction.Copy copy, String workdir) {
        if (copy.add()) {
            refuseRemote(copy);
        }
        IgnoreRules excludes;
        try {
            excludes = IgnoreRules.of(copy.excludes());
        } catch (IllegalArgumentException e) {
            throw new DockerfileException(copy.at(), "--exclude: " + e.getMessage(), "fix the pattern");
        }
        List<Item> items = new ArrayList<>();
        List<Heredoc> heredocs = new ArrayList<>(copy.heredocs());
        int written = 0;
        for (String s : copy.sources()) {
            written++;
            Heredoc h = takeHeredoc(heredocs, s);
            if (h != null) {
                items.add(new Inline(h.name(), h.content().getBytes(StandardCharsets.UTF_8)));
            } else {
                resolve(new SourceResolver(source, copy, excludes), s, items);
            }
        }
        for (Heredoc h : heredocs) {
            written++;
            items.add(new Inline(h.name(), h.content().getBytes(StandardCharsets.UTF_8)));
        }
        String dest = copy.destination();
        boolean intoDirectory = dest.isEmpty() || dest.equals(".") || dest.endsWith("/");
        if (written > 1 && !intoDirectory) {
            throw severalSources(copy);
        }
        String base = workdir == null || workdir.isEmpty() ? "/" : workdir;
        String absolute = GoFilepath.clean("/" + (dest.startsWith("/") ? dest : base + "/" + dest));
        return new CopyPlan(copy, source != null && source.keepsOwners(), absolute, intoDirectory, items);
    }

    private static void resolve(SourceResolver resolver, String source, List<Item> items) {
        try {
            resolver.resolve(source, items);
        } catch (UncheckedIOException | RootfsException e) {
            throw new DockerfileException(
                    resolver.at(),
                    "cannot read the source " + source + ": " + e.getMessage(),
                    "check the source's permissions and symlinks");
        }
    }

    /** The destination, absolute in the image. */
    public String destination() {
        return destination;
    }

    /**
     * A sha256 (hex) of exactly what this step copies: names relative to each source, types, modes,
     * symlink targets, file contents, and owners when they are kept (another stage). Not mtimes, and not
     * the context's owners, which COPY replaces. Computed once; file contents are streamed.
     */
    public String contentKey() {
        return contentKey(new FileDigests());
    }

    /** {@link #contentKey()}, reusing the file digests {@code digests} remembers from earlier builds. */
    public synchronized String contentKey(FileDigests digests) {
        if (key == null) {
            ContentDigest d = new ContentDigest();
            try {
                for (Item item : items) {
                    switch (item) {
                        case Tree t -> digest(d, t, digests);
                        case Inline i -> d.text("inline").text(i.name()).bytes(i.content());
                    }
                }
            } catch (UncheckedIOException e) {
                throw new DockerfileException(
                        copy.at(), "cannot read what it copies: " + e.getMessage(), "run the build again");
            }
            key = d.hex();
        }
        return key;
    }

    private void digest(ContentDigest d, Tree t, FileDigests digests) {
        d.text(t.unpack() ? "archive" : "tree").text(t.name());
        for (SourceEntry e : t.entries()) {
            d.text(e.type().name()).text(e.rel());
            if (e.rel().isEmpty() && e.isDirectory()) {
                continue; // only a directory's contents are copied, not the directory itself
            }
            d.number(e.mode());
            if (keepsOwners) {
                d.number(e.uid()).number(e.gid());
            }
            switch (e.type()) {
                case SYMLINK -> d.text(e.link());
                case FILE -> d.file(e.host(), e.size(), digests);
                case DIRECTORY -> {}
            }
        }
    }

    /**
     * Writes the copied entries into {@code root}, the stage's merged root mounted by the executor, with
     * the instruction's own {@code --chown} (names looked up in {@code root}) and {@code --chmod}.
     */
    public void apply(Path root) {
        apply(root, Ownership.of(copy, root), chmod(copy));
    }

    /**
     * The {@code --chmod} mode (octal, as Docker takes it), or null when not given.
     *
     * @throws DockerfileException naming the line for anything but 1 to 4 octal digits
     */
    public static Integer chmod(Instruction.Copy copy) {
        String m = copy.chmod();
        if (m == null || m.isEmpty()) {
            return null;
        }
        if (!m.matches("[0-7]{1,4}")) {
            throw new DockerfileException(
                    copy.at(), "invalid --chmod=" + m + ": expected an octal mode", "write it like --chmod=755");
        }
        return Integer.parseInt(m, 8);
    }

    /**
     * Writes the copied entries into {@code root}, the stage's merged root mounted by the executor.
     *
     * @param owner from {@code --chown} ({@link Ownership#resolve}), or null
     * @param chmod from {@code --chmod}, or null
     */
    public void apply(Path root, Ownership owner, Integer chmod) {
        NativeFs fs = new NativeFs();
        apply(root, owner, chmod, fs, fs::lchown);
    }

    void apply(Path root, Ownership owner, Integer chmod, NativeFs fs, CopyWriter.Lchown lchown) {
        CopyWriter w = new CopyWriter(root, copy.at(), owner, chmod, fs, lchown);
        try {
            if (items.size() > 1 && !intoDirectory) {
                BasicFileAttributes a = BuildContext.attrs(w.resolve(destination));
                if (a == null || !a.isDirectory()) {
                    throw severalSources(copy);
                }
            }
            for (Item item : items) {
                write(w, item);
            }
            w.close();
        } catch (IOException | UncheckedIOException e) {
            throw new DockerfileException(
                    copy.at(),
                    "cannot copy into " + destination + ": " + e.getMessage(),
                    "check the free space of the build's data directory");
        } catch (RootfsException e) {
            throw new DockerfileException(
                    copy.at(),
                    "cannot copy into " + destination + ": " + e.getMessage(),
                    "check the symlinks on the destination's path in the image");
        }
    }

    private void write(CopyWriter w, Item item) throws IOException {
        w.ensureDir(intoDirectory ? destination : parent(destination));
        Path d = w.resolve(destination);
        BasicFileAttributes a = BuildContext.attrs(d);
        if (a == null && BuildContext.attrs(d.getParent()) == null) {
            w.ensureDir(w.containerPath(d.getParent()));
        }
        if (item instanceof Tree t && (t.top().isDirectory() || t.unpack())) {
            if (a == null) {
                d = w.ensureDir(w.containerPath(d));
            } else if (!a.isDirectory()) {
                throw w.conflict("cannot copy to non-directory: " + destination);
            } else {
                w.keepTime(d);
            }
            if (t.unpack()) {
                new ArchiveExpander(UnpackLimits.DEFAULT).expand(t.top().host(), w.containerPath(d), w);
            } else {
                for (SourceEntry e : t.entries().subList(1, t.entries().size())) {
                    w.write(e, d.resolve(e.rel()), keepsOwners);
                }
            }
            return;
        }
        boolean isDir = a != null && a.isDirectory();
        switch (item) {
            case Tree t -> w.write(t.top(), isDir ? d.resolve(t.name()) : d, keepsOwners);
            case Inline i ->
                w.writeFile(
                        isDir ? d.resolve(i.name()) : d,
                        new ByteArrayInputStream(i.content()),
                        Ownership.ROOT,
                        w.mode(0644),
                        HEREDOC_TIME);
        }
    }

    List<Item> items() {
        return items;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private static Heredoc takeHeredoc(List<Heredoc> heredocs, String source) {
        for (int i = 0; i < heredocs.size(); i++) {
            String n = heredocs.get(i).name();
            if (source.equals(n) || source.equals("<<" + n) || source.equals("<<-" + n)) {
                return heredocs.remove(i);
            }
        }
        return null;
    }

    private static void refuseRemote(Instruction.Copy copy) {
        for (String s : copy.sources()) {
            String l = s.toLowerCase(Locale.ROOT);
            if (l.startsWith("http://")
                    || l.startsWith("https://")
                    || l.startsWith("git://")
                    || l.startsWith("git@")
                    || l.startsWith("ssh://")) {
                throw new DockerfileException(
                        copy.at(),
                        "ADD from a URL is not supported: builds run offline (" + s + ")",
                        "download the file into the build context and COPY it");
            }
        }
        if (copy.checksum() != null || copy.keepGitDir()) {
            throw new DockerfileException(
                    copy.at(),
                    "ADD " + (copy.checksum() != null ? "--checksum" : "--keep-git-dir")
                            + " is only meaningful for URL or git sources, which are not supported: builds run"
                            + " offline",
                    "download the file into the build context and COPY it");
        }
    }

    private static DockerfileException severalSources(Instruction.Copy copy) {
        return new DockerfileException(
                copy.at(),
                "When using " + copy.at().keyword() + " with more than one source file, the destination must be a"
                        + " directory and end with a /",
                "end the destination with /");
    }
}
