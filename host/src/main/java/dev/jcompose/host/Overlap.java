package dev.jcompose.host;

import dev.jcompose.JcomposeException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Two pieces of host work that share nothing, run at once: each is a chain of processes whose time is
 * mostly waiting on the kernel. A container's teardown in its runtime (runtime delete, then the root
 * file system's unmount) overlaps its endpoint's (veth, then the namespace's unmount); a bridge's
 * deletion (~50 ms in the kernel) overlaps the rules' change that drops its network.
 */
public final class Overlap {
    private Overlap() {}

    /**
     * Runs {@code first} on a thread of its own and {@code second} here; both run even when one fails.
     * The first's failure is thrown (with the second's suppressed), else the second's.
     */
    public static void together(Runnable first, Runnable second) {
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
                    : new IllegalStateException("host work failed", e.getCause());
            if (secondFailure != null) {
                failure.addSuppressed(secondFailure);
            }
            throw failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JcomposeException("interrupted while waiting for host work", "run the command again");
        }
        if (secondFailure != null) {
            throw secondFailure;
        }
    }
}
