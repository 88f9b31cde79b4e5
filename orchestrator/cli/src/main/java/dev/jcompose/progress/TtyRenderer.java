package dev.jcompose.progress;

import dev.jcompose.console.Ansi;
import dev.jcompose.host.Clock;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * docker compose's live progress view: a {@code [+] Running 3/4} header, one line per resource with a
 * spinner (or {@code ✔}/{@code !}/{@code ✘}), its status and its elapsed time right-aligned to the
 * terminal width; pull layers nested under their image. Each {@link #redraw()} moves the cursor back
 * over the previous frame and draws the current one; a timer calls it (see {@link RedrawTimer}).
 */
public final class TtyRenderer implements ProgressRenderer {
    private final PrintWriter out;
    private final Clock clock;
    private final TtyFrame frame;
    private final Map<String, TtyLine> lines = new LinkedHashMap<>();
    private final List<String> tail = new ArrayList<>();
    private int drawnLines;
    private boolean finished;

    public TtyRenderer(PrintWriter out, Clock clock, String title, int terminalWidth, Ansi ansi) {
        this(out, clock, title, terminalWidth, ansi, false);
    }

    /** {@code dryRun}: every line carries compose's {@code DRY-RUN MODE - } marker after its spinner. */
    public TtyRenderer(PrintWriter out, Clock clock, String title, int terminalWidth, Ansi ansi, boolean dryRun) {
        this.out = out;
        this.clock = clock;
        this.frame = new TtyFrame(title, terminalWidth, ansi, dryRun);
    }

    @Override
    public synchronized void event(ProgressEvent event) {
        if (finished) {
            return;
        }
        long now = clock.nanoTime();
        TtyLine previous = lines.get(event.id());
        lines.put(event.id(), previous == null ? TtyLine.first(event, now) : previous.next(event, now));
    }

    @Override
    public synchronized void message(String text) {
        if (!finished) {
            tail.add(text);
        }
    }

    @Override
    public synchronized void redraw() {
        if (!finished) {
            draw();
        }
    }

    @Override
    public synchronized void finish() {
        if (finished) {
            return;
        }
        draw();
        tail.forEach(out::println);
        out.flush();
        finished = true;
    }

    private void draw() {
        if (lines.isEmpty()) {
            return;
        }
        List<String> rows = frame.render(List.copyOf(lines.values()), clock.nanoTime());
        StringBuilder b = new StringBuilder();
        if (drawnLines > 0) {
            b.append(Ansi.cursorUp(drawnLines)).append('\r');
        }
        b.append(Ansi.HIDE_CURSOR);
        // lines are never removed, so a frame is never shorter than the one it overwrites
        rows.forEach(row -> b.append(row).append('\n'));
        b.append(Ansi.SHOW_CURSOR);
        drawnLines = rows.size();
        out.print(b);
        out.flush();
    }
}
