package dev.jcompose.progress;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Redraws a renderer every 100 ms (compose's tick) on the given executor until closed; closing draws
 * the final frame. The executor is injected so the CLI owns its thread and tests need none.
 */
public final class RedrawTimer implements AutoCloseable {
    public static final long PERIOD_MILLIS = 100;
    private final ProgressRenderer renderer;
    private final ScheduledFuture<?> ticks;

    public RedrawTimer(ProgressRenderer renderer, ScheduledExecutorService executor) {
        this.renderer = renderer;
        this.ticks =
                executor.scheduleAtFixedRate(renderer::redraw, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        ticks.cancel(false);
        renderer.finish();
    }
}
