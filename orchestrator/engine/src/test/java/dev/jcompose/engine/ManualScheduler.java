package dev.jcompose.engine;

import dev.jcompose.host.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link Scheduler} and {@link Clock} for tests: time stands still until {@link #advance}
 * moves it, firing due timers in (due time, creation) order, each with the clock set to its due
 * time. Timers set while firing are honoured in the same advance if they fall due within it.
 */
public final class ManualScheduler implements Scheduler, Clock {
    private record Timer(long id, Duration due, Runnable task) {}

    private final Instant origin;
    private final TreeMap<Long, Timer> timers = new TreeMap<>();
    private Duration elapsed = Duration.ZERO;
    private long nextId = 1;

    public ManualScheduler() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public ManualScheduler(Instant origin) {
        this.origin = origin;
    }

    @Override
    public long setTimer(Duration delay, Runnable task) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay " + delay);
        }
        long id = nextId++;
        timers.put(id, new Timer(id, elapsed.plus(delay), task));
        return id;
    }

    @Override
    public void cancel(long timerId) {
        timers.remove(timerId);
    }

    /** Moves time forward by {@code step}, firing every timer that falls due. */
    public void advance(Duration step) {
        Duration target = elapsed.plus(step);
        for (Optional<Timer> next = nextDue(target); next.isPresent(); next = nextDue(target)) {
            Timer timer = next.get();
            timers.remove(timer.id());
            elapsed = timer.due();
            timer.task().run();
        }
        elapsed = target;
    }

    /** Advances exactly to the next timer and fires it (and any due at the same instant). */
    public Duration advanceToNext() {
        Duration before = elapsed;
        Timer next = timers.values().stream().min(order()).orElseThrow(() -> new IllegalStateException("no timers"));
        advance(next.due().minus(elapsed));
        return elapsed.minus(before);
    }

    /** Delays (from now) of the pending timers, soonest first. */
    public List<Duration> pending() {
        List<Duration> result = new ArrayList<>();
        timers.values().stream().sorted(order()).forEach(t -> result.add(t.due().minus(elapsed)));
        return result;
    }

    public Duration elapsed() {
        return elapsed;
    }

    @Override
    public Instant now() {
        return origin.plus(elapsed);
    }

    @Override
    public long nanoTime() {
        return elapsed.toNanos();
    }

    private Optional<Timer> nextDue(Duration target) {
        return timers.values().stream()
                .filter(t -> t.due().compareTo(target) <= 0)
                .min(order());
    }

    private static Comparator<Timer> order() {
        return Comparator.comparing(Timer::due).thenComparingLong(Timer::id);
    }
}
