package dev.jcompose.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootfsLockTest {
    @TempDir
    Path tmp;

    private static boolean await(CountDownLatch l) {
        try {
            return l.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void sharedHoldersRunTogetherAndAnExclusiveHolderWaitsForThemAll() throws Exception {
        RootfsLock lock = new RootfsLock(tmp.resolve("d/snapshots.lock"));
        AtomicInteger inside = new AtomicInteger();
        CountDownLatch bothIn = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Runnable reader = () -> lock.shared(() -> {
            inside.incrementAndGet();
            bothIn.countDown();
            boolean released = await(release);
            inside.decrementAndGet();
            return released;
        });
        // Own threads: the common pool may have a single worker on a 2-core machine.
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CompletableFuture<Void> a = CompletableFuture.runAsync(reader, pool);
        CompletableFuture<Void> b = CompletableFuture.runAsync(reader, pool);
        assertThat(await(bothIn)).as("two shared holders are inside at once").isTrue();

        CompletableFuture<Integer> writer = CompletableFuture.supplyAsync(() -> lock.exclusive(inside::get), pool);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (lock.queued() == 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        assertThat(lock.queued()).as("the exclusive holder waits").isEqualTo(1);
        assertThat(writer).isNotDone();
        release.countDown();

        assertThat(writer.get(10, TimeUnit.SECONDS))
                .as("shared holders inside with the exclusive one")
                .isZero();
        a.get(10, TimeUnit.SECONDS);
        b.get(10, TimeUnit.SECONDS);
        assertThat(lock.shared(() -> "again")).isEqualTo("again");
        pool.shutdown();
    }

    /** Exit code of another process trying a non-blocking POSIX record lock on {@code file}. */
    private static int otherProcessLocks(Path file, boolean exclusive) {
        try {
            Process p = new ProcessBuilder(
                            "python3",
                            "-c",
                            "import fcntl,sys; f=open(sys.argv[1],'r+'); " + "fcntl.lockf(f, fcntl."
                                    + (exclusive ? "LOCK_EX" : "LOCK_SH") + "|fcntl.LOCK_NB)",
                            file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Test
    void otherProcessesSeeTheFileLock() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.Files.isExecutable(Path.of("/usr/bin/python3")), "python3 is installed");
        Path file = tmp.resolve("snapshots.lock");
        RootfsLock lock = new RootfsLock(file);
        assertThat(lock.shared(() -> new int[] {otherProcessLocks(file, false), otherProcessLocks(file, true)}))
                .as("shared: others may share, not exclude")
                .containsExactly(0, 1);
        assertThat(lock.exclusive(() -> otherProcessLocks(file, false)))
                .as("exclusive: others wait")
                .isEqualTo(1);
        assertThat(otherProcessLocks(file, true)).as("released").isZero();
    }
}
