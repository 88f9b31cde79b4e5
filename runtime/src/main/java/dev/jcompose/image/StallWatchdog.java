package dev.jcompose.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Interrupts a thread reading a response body when no byte arrived for {@code timeout}:
 * java.net.http has no read timeout for bodies, and a stalled registry connection must not hang a pull
 * forever. The reader sees an IOException; {@link #stalled()} tells it why.
 */
final class StallWatchdog implements AutoCloseable {
    private final Thread reader;
    private final long timeoutNanos;
    private final Thread watcher;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean done;
    private volatile boolean stalled;

    StallWatchdog(Duration timeout) {
        this.reader = Thread.currentThread();
        this.timeoutNanos = timeout.toNanos();
        this.watcher = Thread.ofVirtual().name("pull-watchdog").start(this::watch);
    }

    private void watch() {
        while (!done) {
            long idle = System.nanoTime() - lastProgress;
            if (idle >= timeoutNanos) {
                stalled = true;
                reader.interrupt();
                return;
            }
            LockSupport.parkNanos(this, timeoutNanos - idle);
        }
    }

    /** The body, reporting each read as progress. */
    InputStream watch(InputStream body) {
        return new FilterInputStream(body) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                lastProgress = System.nanoTime();
                return n;
            }
        };
    }

    boolean stalled() {
        return stalled;
    }

    @Override
    public void close() {
        done = true;
        LockSupport.unpark(watcher);
        if (stalled) {
            Thread.interrupted(); // the interrupt was ours, not the caller's
        }
    }
}
