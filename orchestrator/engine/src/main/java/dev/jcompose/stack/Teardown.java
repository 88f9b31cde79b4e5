package dev.jcompose.stack;

import dev.jcompose.api.StackException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Two teardowns that share nothing, run at once: a container's in its runtime (runtime delete, then
 * the root file system's unmount) and its endpoint's (veth, then the namespace's unmount) are each a
 * chain of processes, and a one-off's {@code --rm} waits for both.
 */
final class Teardown {
    private Teardown() {}

    /**
     * Runs {@code first} on a thread of its own and {@code second} here; both run even when one fails.
     * The first's failure is thrown (with the second's suppressed), else the second's.
     */
    static void together(Runnable first, Runnable second) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> other = pool.submit(first);
            RuntimeException secondFailure = null;
            try {
                second.run();
            } catch (RuntimeException e) {
                secondFailure = e;
            }
            await(other, secondFailure);
        }
    }

    private static void await(Future<?> first, RuntimeException secondFailure) {
        try {
            first.get();
        } catch (ExecutionException e) {
            RuntimeException failure = e.getCause() instanceof RuntimeException r
                    ? r
                    : new IllegalStateException("a teardown failed", e.getCause());
            if (secondFailure != null) {
                failure.addSuppressed(secondFailure);
            }
            throw failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while removing a container", "run the command again");
        }
        if (secondFailure != null) {
            throw secondFailure;
        }
    }
}
