package dev.jcompose.build;

import dev.jcompose.rootfs.RootfsPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tree COPY and ADD read from: the build context (or an {@code additional_contexts} directory) with
 * its .dockerignore, or another stage's root file system. Source paths never leave the root: {@code ..}
 * and absolute paths are relative to it, and symlinks are followed as if the root were {@code /}. An
 * ignored entry is treated as absent, as if it had never been sent.
 */
public final class BuildContext {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final Path root;
    private final IgnoreRules rules;
    private final boolean keepsOwners;
    private final String description;
    private final Map<String, Boolean> visibleDirs = new HashMap<>();

    private BuildContext(Path root, IgnoreRules rules, boolean keepsOwners, String description) {
        this.root = root.toAbsolutePath().normalize();
        this.rules = rules;
        this.keepsOwners = keepsOwners;
        this.description = description;
    }

    /** A context directory: entries become root-owned when copied (Docker resets the sender's ids). */
    public static BuildContext directory(Path root, IgnoreRules rules) {
        return new BuildContext(root, rules, false, "build context");
    }

    /** Another stage's (or image's) root file system: copied entries keep their owners, as in BuildKit. */
    public static BuildContext rootfs(Path root, String name) {
        return new BuildContext(root, IgnoreRules.none(), true, "stage " + name);
    }

    public Path root() {
        return root;
    }

    IgnoreRules rules() {
        return rules;
    }

    boolean keepsOwners() {
        return keepsOwners;
    }

    /** "build context" or "stage NAME", for messages. */
    String description() {
        return description;
    }

    /** The host path of a clean relative path ({@code ""} is the root); no symlink is followed. */
    Path host(String rel) {
        return rel.isEmpty() ? root : root.resolve(rel);
    }

    /** {@code rel} with every symlink followed inside the root, or null when it does not exist or is ignored. */
    String follow(String rel) {
        if (!rel.isEmpty() && !visible(rel)) {
            return null;
        }
        Path resolved = RootfsPath.resolve(root, rel);
        String out = root.relativize(resolved).toString();
        if (attrs(resolved) == null || (!out.isEmpty() && !visible(out))) {
            return null;
        }
        return out;
    }

    /** Whether the entry at {@code rel} (not followed) is part of the context. */
    boolean visible(String rel) {
        if (rel.isEmpty() || !rules.excludes(rel)) {
            return true;
        }
        BasicFileAttributes a = attrs(host(rel));
        return a != null && a.isDirectory() && rules.mayIncludeUnder(rel) && hasVisibleEntry(rel);
    }

    /** An excluded directory is still sent when an exception re-includes something inside it. */
    private boolean hasVisibleEntry(String dir) {
        Boolean known = visibleDirs.get(dir);
        if (known != null) {
            return known;
        }
        boolean found = false;
        for (String name : list(dir)) {
            if (visible(dir + "/" + name)) {
                found = true;
                break;
            }
        }
        visibleDirs.put(dir, found);
        return found;
    }

    /** The names in directory {@code rel}, sorted; visibility is the caller's check. */
    List<String> list(String rel) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(host(rel))) {
            for (Path p : s) {
                names.add(p.getFileName().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + host(rel), e);
        }
        names.sort(null);
        return names;
    }

    static BasicFileAttributes attrs(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("Not a directory")) {
                return null;
            }
            throw new UncheckedIOException(e);
        }
    }
}
