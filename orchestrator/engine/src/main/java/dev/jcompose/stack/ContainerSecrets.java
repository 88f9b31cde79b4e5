package dev.jcompose.stack;

import dev.jcompose.api.StackException;
import dev.jcompose.model.FileObject;
import dev.jcompose.model.FileReference;
import dev.jcompose.model.Project;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.oci.ContainerSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's {@code secrets:} and {@code configs:} as read-only files in the container, like docker
 * compose without swarm: the content ({@code file:}, {@code environment:} as resolved by
 * {@link dev.jcompose.model.FileObjectValues}, or for configs {@code content:}) is copied into
 * the container's own directory with the long syntax's uid, gid and mode (default 0:0, 0444) and
 * bind-mounted read-only at {@code /run/secrets/<target|name>} or {@code /<target|name>}. A copy, not
 * a bind of the source, so mode and owner apply without touching the user's file.
 */
final class ContainerSecrets {
    static final int DEFAULT_MODE = 0444;

    private ContainerSecrets() {}

    /** Writes the files under {@code dir} and returns their mounts. */
    static List<ContainerSpec.VolumeMount> mounts(Project project, ServiceConfig s, Path dir) {
        List<ContainerSpec.VolumeMount> out = new ArrayList<>();
        add(out, "secret", project.secrets(), s.secrets(), dir.resolve("secrets"));
        add(out, "config", project.configs(), s.configs(), dir.resolve("configs"));
        return out;
    }

    /** Where a reference lands: secrets under /run/secrets unless absolute, configs at the root. */
    static String target(String kind, FileReference r) {
        String t = r.target() == null || r.target().isEmpty() ? r.source() : r.target();
        if (t.startsWith("/")) {
            return t;
        }
        return kind.equals("secret") ? "/run/secrets/" + t : "/" + t;
    }

    private static void add(
            List<ContainerSpec.VolumeMount> out,
            String kind,
            Map<String, FileObject> declared,
            List<FileReference> refs,
            Path dir) {
        for (int i = 0; i < refs.size(); i++) {
            FileReference r = refs.get(i);
            byte[] content = content(kind, r.source(), declared.get(r.source()));
            Path file = dir.resolve(i + "-" + r.source().replaceAll("[^A-Za-z0-9_.-]", "_"));
            write(file, content, r);
            out.add(new ContainerSpec.Bind(file.toString(), target(kind, r), true));
        }
    }

    static byte[] content(String kind, String name, FileObject o) {
        if (o == null) {
            throw new StackException(
                    kind + " \"" + name + "\" is not declared in the project",
                    "declare it under the top-level " + kind + "s:");
        }
        if (o.external()) {
            throw new StackException(
                    "external " + kind + " \"" + name + "\" is not supported: external " + kind
                            + "s live in a swarm store",
                    "declare it with file:" + (kind.equals("config") ? " or content:" : ""));
        }
        if (o.content() != null) {
            return o.content().getBytes(StandardCharsets.UTF_8);
        }
        if (o.environment() != null && !o.environment().isEmpty()) {
            throw new StackException(
                    kind + " \"" + name + "\": environment variable " + o.environment() + " is not set",
                    "set it in the shell or in the project's .env file");
        }
        Path f = Path.of(o.file());
        if (!Files.isRegularFile(f)) {
            throw new StackException(
                    kind + " \"" + name + "\": file " + f + " does not exist", "create it or fix file:");
        }
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new StackException(
                    kind + " \"" + name + "\": cannot read " + f + ": " + e.getMessage(),
                    "check the file's permissions");
        }
    }

    private static void write(Path file, byte[] content, FileReference r) {
        int mode = r.mode() == null ? DEFAULT_MODE : r.mode();
        try {
            Files.createDirectories(file.getParent());
            // host users must not read the copies: the directory is root's only (the container reads the
            // file through its bind mount, where only the file's own mode applies)
            Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwx------"));
            Files.write(file, content);
            Files.setPosixFilePermissions(file, permissions(mode));
            Files.setAttribute(file, "unix:uid", id(r.uid(), "uid"));
            Files.setAttribute(file, "unix:gid", id(r.gid(), "gid"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new StackException(
                    "cannot write " + file + ": " + e.getMessage(), "check the run root's file system");
        }
    }

    private static int id(String value, String what) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new StackException(
                    what + " '" + value + "' of a secret or config is not a number", "use a numeric " + what);
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        StringBuilder s = new StringBuilder();
        String rwx = "rwxrwxrwx";
        for (int bit = 8; bit >= 0; bit--) {
            s.append((mode >> bit & 1) == 1 ? rwx.charAt(8 - bit) : '-');
        }
        return PosixFilePermissions.fromString(s.toString());
    }
}
