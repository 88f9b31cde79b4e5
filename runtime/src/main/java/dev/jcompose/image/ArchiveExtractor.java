package dev.jcompose.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks an image archive ({@code docker save} output or a tarred OCI layout, not a layer) into a
 * private directory. Only directories, regular files and links between archive members are accepted;
 * any name that would land outside the directory is refused. Links are not created on disk: they are
 * kept as aliases (legacy {@code docker save} links identical layers to each other).
 */
final class ArchiveExtractor {
    private final Path archive;
    private final Path into;
    private final Map<String, String> aliases = new TreeMap<>();

    ArchiveExtractor(Path archive, Path into) {
        this.archive = archive;
        this.into = into;
    }

    /** Extracts everything; returns alias name to target name (both relative, normalised). */
    Map<String, String> extract() {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
                TarArchiveInputStream tar = new TarArchiveInputStream(maybeGunzip(raw))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                String name = clean(e.getName());
                if (name.isEmpty()) {
                    continue;
                }
                Path target = into.resolve(name);
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else if (e.isSymbolicLink()) {
                    String parent = name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "";
                    aliases.put(
                            name,
                            linkTarget(
                                    e.getName(),
                                    e.getLinkName().startsWith("/") ? e.getLinkName() : parent + e.getLinkName()));
                } else if (e.isLink()) {
                    aliases.put(name, linkTarget(e.getName(), e.getLinkName()));
                } else if (e.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    throw refuse(e.getName(), "it is not a file, directory or link");
                }
            }
        } catch (IOException e) {
            throw new ImageException(
                    "cannot read image archive " + archive + ": " + e.getMessage(),
                    "check that it is a complete tar file (docker save or an OCI layout)",
                    dev.jcompose.ExitCode.FAILURE,
                    e);
        }
        return aliases;
    }

    private static InputStream maybeGunzip(InputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new java.util.zip.GZIPInputStream(in, 1 << 16) : in;
    }

    private String linkTarget(String member, String target) {
        try {
            return clean(target);
        } catch (ImageException e) {
            throw refuse(member, "it links outside the archive");
        }
    }

    /** Normalises a member name; refuses absolute-escaping and {@code ..} names. */
    private String clean(String name) {
        String n = name.replace('\\', '/');
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String p : n.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    throw refuse(name, "it escapes the archive");
                }
                parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        if (name.startsWith("/")) {
            throw refuse(name, "it escapes the archive");
        }
        return String.join("/", parts);
    }

    private ImageException refuse(String name, String why) {
        return new ImageException(
                "refusing archive member \"" + name + "\" in " + archive + ": " + why,
                "the archive is corrupt or hostile; re-create it with `docker save` or `skopeo copy`");
    }
}
