package dev.jcompose.daemon;

import dev.jcompose.JcomposeException;
import dev.jcompose.engine.EngineContext;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Main class of the engine process: {@code EngineMain --run-root <dir>}. Takes the host lock (or
 * exits 0 when another engine holds it: that one serves), starts the engine context and the server
 * with the built-in methods plus every {@link HandlerRegistry} on the class path, then serves until
 * {@code shutdown} or SIGTERM, and closes in order: socket, engine, lock.
 */
public final class EngineMain {
    private EngineMain() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (JcomposeException e) {
            System.err.println("jcompose engine: " + e.describe());
            code = e.exitCode();
        }
        System.out.flush();
        System.exit(code);
    }

    static int run(String[] args) {
        if (args.length != 2 || !args[0].equals("--run-root")) {
            System.err.println("usage: EngineMain --run-root <dir>");
            return 16;
        }
        EngineDirectory directory = EngineDirectory.under(Path.of(args[1])).secure();
        Optional<EngineLock> acquired = EngineLock.tryAcquire(directory);
        if (acquired.isEmpty()) {
            System.out.println("jcompose engine " + ProcessHandle.current().pid() + ": another engine holds "
                    + directory.lock() + EngineLock.recordedPid(directory).map(pid -> " (pid " + pid + ")").orElse("")
                    + "; exiting");
            return 0;
        }
        serve(directory, acquired.get());
        return 0;
    }

    private static void serve(EngineDirectory directory, EngineLock lock) {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            awaitQuietly(stopped);
        }, "jcompose-engine-sigterm");
        Runtime.getRuntime().addShutdownHook(hook);
        EngineInfo info = EngineInfo.current();
        try (EngineContext engine = EngineContext.create()) {
            MethodRegistry methods = BuiltinMethods.register(new MethodRegistry(), info, stop::countDown);
            ServiceLoader.load(HandlerRegistry.class).forEach(registry -> registry.register(methods, engine));
            try (EngineServer server = new EngineServer(engine, directory, methods).start()) {
                System.out.println("jcompose engine " + info.pid() + " (" + info.version() + ") serving "
                        + directory.socket());
                System.out.flush();
                awaitQuietly(stop);
            }
        } finally {
            // Released last and before the SIGTERM hook may return: the pid file goes with it.
            lock.close();
            System.out.println("jcompose engine " + info.pid() + ": stopped");
            stopped.countDown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            while (!latch.await(1, TimeUnit.HOURS)) {
                // keep serving
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
