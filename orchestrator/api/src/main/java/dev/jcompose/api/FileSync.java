package dev.jcompose.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * One change {@code watch} copies into a service's containers: a file with its content and mode, a
 * directory, or a deletion ({@code rm -rf}) of {@code path}, an absolute path in the container. The
 * content travels with the request: the engine never reads the caller's files itself.
 */
public record FileSync(String path, Kind kind, int mode, byte[] content) {
    public enum Kind {
        FILE,
        DIRECTORY,
        DELETE
    }

    public FileSync {
        Objects.requireNonNull(kind, "kind");
        if (path == null || !path.startsWith("/")) {
            throw new StackException(
                    "cannot sync to \"" + path + "\": not an absolute container path",
                    "make develop.watch target absolute");
        }
        content = content == null ? new byte[0] : content.clone();
    }

    public static FileSync file(String path, int mode, byte[] content) {
        return new FileSync(path, Kind.FILE, mode, content);
    }

    public static FileSync directory(String path, int mode) {
        return new FileSync(path, Kind.DIRECTORY, mode, null);
    }

    public static FileSync delete(String path) {
        return new FileSync(path, Kind.DELETE, 0, null);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileSync f
                && path.equals(f.path)
                && kind == f.kind
                && mode == f.mode
                && Arrays.equals(content, f.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, kind, mode, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return kind + " " + path + (kind == Kind.DELETE ? "" : " " + Integer.toOctalString(mode))
                + (kind == Kind.FILE ? " (" + content.length + " bytes)" : "");
    }
}
