package dev.jcompose.progress;

import java.io.PrintWriter;

/**
 * {@code --progress plain}: one line per event, for CI logs, e.g. {@code " Container shop-web-1  Started"}.
 * compose prints its (empty unless dry-run) prefix, the id, an empty sub-text and the status joined by
 * spaces, hence the leading space and the two spaces; tail messages get the leading space too.
 */
public final class PlainRenderer implements ProgressRenderer {
    private final PrintWriter out;
    private final String prefix;
    private boolean finished;

    public PlainRenderer(PrintWriter out) {
        this(out, false);
    }

    /** {@code dryRun}: every line starts with compose's {@code DRY-RUN MODE - } marker. */
    public PlainRenderer(PrintWriter out, boolean dryRun) {
        this.out = out;
        this.prefix = dryRun ? TtyFrame.DRY_RUN_PREFIX : "";
    }

    @Override
    public synchronized void event(ProgressEvent event) {
        if (finished) {
            return;
        }
        StringBuilder line =
                new StringBuilder(prefix).append(' ').append(event.id()).append(' ');
        line.append(' ').append(event.statusText());
        if (event.total() > 0 && !event.status().finished()) {
            line.append(' ').append(PullBar.counts(event.current(), event.total()));
        }
        out.println(line);
        out.flush();
    }

    @Override
    public synchronized void message(String text) {
        if (!finished) {
            out.println(prefix + " " + text);
            out.flush();
        }
    }

    @Override
    public synchronized void finish() {
        finished = true;
        out.flush();
    }
}
