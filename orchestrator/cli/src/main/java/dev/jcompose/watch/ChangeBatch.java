package dev.jcompose.watch;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The debounce: changed paths gather until none came for the quiet period, then leave as one batch
 * (an editor saving several files, a branch switch: one sync). Times are monotonic nanoseconds
 * given by the caller, so tests drive it without waiting.
 */
final class ChangeBatch {
    private final long quietNanos;
    private final TreeSet<java.nio.file.Path> paths = new TreeSet<>();
    private long last;

    ChangeBatch(Duration quiet) {
        this.quietNanos = quiet.toNanos();
    }

    void add(java.nio.file.Path path, long now) {
        paths.add(path);
        last = now;
    }

    /** When the batch is due, if it holds anything. */
    OptionalLong deadline() {
        return paths.isEmpty() ? OptionalLong.empty() : OptionalLong.of(last + quietNanos);
    }

    /** The batch, sorted, if the quiet period has passed at {@code now} (then it starts empty); else nothing. */
    List<java.nio.file.Path> takeIfQuiet(long now) {
        if (paths.isEmpty() || now - last < quietNanos) {
            return List.of();
        }
        List<java.nio.file.Path> out = List.copyOf(paths);
        paths.clear();
        return out;
    }
}
