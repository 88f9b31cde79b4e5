package dev.jcompose.progress;

/**
 * One resource's latest event and its timing, in monotonic nanoseconds.
 *
 * @param endNanos when it last finished, or -1 while working
 */
record TtyLine(ProgressEvent event, long startNanos, long endNanos) {
    static TtyLine first(ProgressEvent event, long now) {
        return new TtyLine(event, now, event.status().finished() ? now : -1);
    }

    /** The timer keeps running from the first event and stops when the resource first finishes. */
    TtyLine next(ProgressEvent update, long now) {
        if (!update.status().finished()) {
            return new TtyLine(update, startNanos, -1);
        }
        return new TtyLine(update, startNanos, endNanos >= 0 ? endNanos : now);
    }

    double elapsedSeconds(long now) {
        long end = endNanos >= 0 ? endNanos : now;
        return (end - startNanos) / 1e9;
    }
}
