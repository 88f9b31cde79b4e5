package dev.jcompose.progress;

import java.io.PrintWriter;

/**
 * {@code --progress plain}: one line per event, for CI logs, e.g. {@code Container shop-web-1  Started}
 * (compose prints the id, its empty sub-text and the status separated by spaces, hence two spaces).
 */
public final class PlainRenderer implements ProgressRenderer {
    private final PrintWriter out;
    private boolean finished;

    public PlainRenderer(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void event(ProgressEvent event) {
        if (finished) {
            return;
        }
        StringBuilder line = new StringBuilder(event.id()).append(' ');
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
            out.println(text);
            out.flush();
        }
    }

    @Override
    public synchronized void finish() {
        finished = true;
        out.flush();
    }
}
