package dev.jcompose.daemon;

import dev.jcompose.engine.Scheduler;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Optional (off by default): stops the engine once no CLI has been connected for {@code timeout}
 * and nothing vetoes it. The wiring vetoes while it supervises running containers, since an engine
 * that exits stops their health checks, restarts and DNS. Confined to the engine context.
 */
public final class IdleShutdown implements EngineServer.ConnectionObserver {
    private static final long NO_TIMER = -1;

    private final Scheduler scheduler;
    private final Duration timeout;
    private final BooleanSupplier keepAlive;
    private final Runnable stop;
    private int connections;
    private long timer = NO_TIMER;

    public IdleShutdown(Scheduler scheduler, Duration timeout, BooleanSupplier keepAlive, Runnable stop) {
        this.scheduler = scheduler;
        this.timeout = timeout;
        this.keepAlive = keepAlive;
        this.stop = stop;
    }

    /** Starts the idle clock: an engine nobody connects to after its start is idle too. */
    public void start() {
        arm();
    }

    @Override
    public void opened() {
        connections++;
        if (timer != NO_TIMER) {
            scheduler.cancel(timer);
            timer = NO_TIMER;
        }
    }

    @Override
    public void closed() {
        connections--;
        if (connections == 0) {
            arm();
        }
    }

    private void arm() {
        timer = scheduler.setTimer(timeout, this::expired);
    }

    private void expired() {
        timer = NO_TIMER;
        if (connections > 0) {
            return;
        }
        if (keepAlive.getAsBoolean()) {
            arm();
        } else {
            stop.run();
        }
    }
}
