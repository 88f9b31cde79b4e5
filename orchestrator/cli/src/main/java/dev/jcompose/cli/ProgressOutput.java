package dev.jcompose.cli;

import dev.jcompose.api.StackListener;
import dev.jcompose.host.Clock;
import dev.jcompose.progress.ProgressRenderer;
import dev.jcompose.progress.ProgressRenderers;
import dev.jcompose.progress.RedrawTimer;
import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The progress view of one command on stderr, as compose draws it: the renderer {@code --progress}
 * and {@code --ansi} select, redrawn every 100 ms while the command runs; {@link #close()} draws the
 * final state. Events arrive as {@link dev.jcompose.api.StackEvent}s through {@link #listener()}.
 */
final class ProgressOutput implements AutoCloseable {
    private final ProgressRenderer renderer;
    private final ScheduledExecutorService ticker;
    private final RedrawTimer timer;

    /** @param clock the CLI's clock: elapsed times of the progress lines */
    ProgressOutput(PrintWriter err, Clock clock, DisplayFlags display, boolean terminal, String title) {
        this.renderer = new ProgressRenderers(err, clock, terminal, ProgressRenderers.DEFAULT_WIDTH, title, false)
                .select(display.progress(), display.ansi());
        this.ticker = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("jcompose-progress").unstarted(r));
        this.timer = new RedrawTimer(renderer, ticker);
    }

    StackListener listener() {
        return event -> StackProgress.of(event)
                .ifPresentOrElse(renderer::event, () -> renderer.message(StackProgress.message(event)));
    }

    @Override
    public void close() {
        timer.close();
        ticker.shutdownNow();
    }
}
