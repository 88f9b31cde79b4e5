package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.api.ComposeService;
import dev.jcompose.api.ContainerEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes a CLI loop that watches container states ({@code up} attached, {@code wait}) when the engine
 * reports a container event of the project, instead of polling {@code ps}: the loop reads the state
 * once the engine listens, then again after each burst of events. Without a live stream (an engine
 * that went away mid-command, a service that cannot stream) it falls back to polling; with one, it
 * still re-reads every {@link #RECHECK} in case an event was lost with a restarted engine.
 */
final class ContainerWatch implements AutoCloseable {
    static final Duration POLL = Duration.ofMillis(200);
    static final Duration RECHECK = Duration.ofSeconds(5);
    static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(10);

    private final Semaphore changes = new Semaphore(0);
    /** The engine's container events, in order, until the loop takes them ({@link #takeEvents}). */
    private final java.util.concurrent.ConcurrentLinkedQueue<ContainerEvent> events =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    private final CountDownLatch subscribed = new CountDownLatch(1);
    private volatile boolean streaming;
    private final Thread listener;

    private ContainerWatch(ComposeService compose, String project, List<String> services) {
        this.listener = Thread.ofPlatform().daemon().name("jcompose-watch").unstarted(() -> {
            try {
                compose.events(
                        project,
                        services,
                        () -> {
                            streaming = true;
                            subscribed.countDown();
                        },
                        e -> {
                            events.add(e);
                            changes.release();
                        });
            } catch (RuntimeException ended) {
                // interrupted by close(), or the engine went away: the loop polls from now on
            } finally {
                streaming = false;
                subscribed.countDown();
                changes.release();
            }
        });
    }

    /** Starts listening and returns once the engine listens (or could not): read the state after this. */
    static ContainerWatch start(ComposeService compose, String project, List<String> services) {
        ContainerWatch watch = new ContainerWatch(compose, project, services);
        watch.listener.start();
        try {
            watch.subscribed.await(SUBSCRIBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            watch.close();
            Thread.currentThread().interrupt();
            throw interrupted(e);
        }
        return watch;
    }

    /** Returns when the state may have changed: events arrived (all of them consumed), a wake, or a timeout. */
    void awaitChange() {
        try {
            if (changes.tryAcquire((streaming ? RECHECK : POLL).toNanos(), TimeUnit.NANOSECONDS)) {
                changes.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(e);
        }
    }

    /** The events received since the last call, oldest first (none without a live stream). */
    List<ContainerEvent> takeEvents() {
        List<ContainerEvent> taken = new java.util.ArrayList<>();
        for (ContainerEvent e = events.poll(); e != null; e = events.poll()) {
            taken.add(e);
        }
        return taken;
    }

    /** Ends a wait at once (Ctrl-C). */
    void wake() {
        changes.release();
    }

    boolean streaming() {
        return streaming;
    }

    private static JcomposeException interrupted(InterruptedException e) {
        return new JcomposeException("interrupted", null, ExitCode.CANCELED, e);
    }

    @Override
    public void close() {
        listener.interrupt();
        try {
            listener.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
