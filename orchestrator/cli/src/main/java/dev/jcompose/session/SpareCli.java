package dev.jcompose.session;

import dev.jcompose.cli.Main;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One CLI built ahead of the next command, so a thin client's command does not wait for picocli to
 * build its model (milliseconds per command even in the warm engine). Each command takes the spare;
 * a new one is built on a thread of its own once the command is done (built while it ran, it took
 * the command's CPU on a small machine), by the time the next command's client has started.
 * Commands that come faster than that, or at once, build their own.
 */
final class SpareCli {
    private final AtomicReference<Main.Prepared> spare = new AtomicReference<>();
    private final AtomicBoolean building = new AtomicBoolean();
    private final Consumer<String> log;

    SpareCli(Consumer<String> log) {
        this.log = log;
    }

    /** A CLI for one command: the spare if there is one, else built now. {@link #refill} after the command. */
    Main.Prepared take() {
        Main.Prepared ready = spare.getAndSet(null);
        return ready != null ? ready : Main.Prepared.build();
    }

    /** Builds the next spare unless one is there or being built. */
    void refill() {
        if (spare.get() != null || !building.compareAndSet(false, true)) {
            return;
        }
        Thread.ofPlatform().daemon().name("jcompose-spare-cli").start(() -> {
            try {
                spare.compareAndSet(null, Main.Prepared.build());
            } catch (RuntimeException e) {
                // the command that finds no spare builds its own, and fails there with the reason
                log.accept("could not build a spare CLI: " + e);
            } finally {
                building.set(false);
            }
        });
    }
}
