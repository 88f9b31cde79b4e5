package dev.jcompose.progress;

import dev.jcompose.quantity.HumanSize;

/**
 * The byte progress of one pull layer as docker's JSON message stream prints it:
 * a 50-column bar {@code [=====>      ]} then {@code  12.3MB/45.6MB}.
 */
public final class PullBar {
    private static final int WIDTH = 50;

    private PullBar() {}

    /** Bar and counts; just the current size when the total is unknown; empty when nothing is known. */
    public static String render(long current, long total) {
        if (current <= 0 && total <= 0) {
            return "";
        }
        if (total <= 0) {
            return String.format("%8s", HumanSize.format(current));
        }
        int filled = (int) Math.min(WIDTH, (long) ((double) current / total * 100) / 2);
        return "[" + "=".repeat(filled) + ">" + " ".repeat(WIDTH - filled) + "] " + counts(current, total);
    }

    /** {@code  12.3MB/45.6MB}: the current size right-aligned in 8 columns; no total if current exceeds it. */
    public static String counts(long current, long total) {
        String done = String.format("%8s", HumanSize.format(current));
        return current > total ? done : done + "/" + HumanSize.format(total);
    }
}
