package dev.jcompose.daemon;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.engine.EngineContext;
import dev.jcompose.host.HostAccess;
import dev.jcompose.quantity.GoDuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Main class of the engine process: {@code EngineMain --run-root <dir> [--idle-timeout <duration>]}.
 * Takes the host lock (or exits 0 when another engine holds it: that one serves), starts the engine
 * context and the server with the built-in methods plus every {@link HandlerRegistry} on the class
 * path, then serves until {@code shutdown}, SIGTERM or (when enabled) idle shutdown, and closes in
 * order: socket, engine, lock.
 */
public final class EngineMain {
    static final String USAGE = "usage: EngineMain --run-root <dir> [--idle-timeout <duration, e.g. 10m>]";

    /** The engine's command line. {@code idleTimeout} empty: serve until told to stop. */
    record Options(Path runRoot, Optional<Duration> idleTimeout) {
        static Options parse(String[] args) {
            Path runRoot = null;
            Duration idle = null;
            for (int i = 0; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--run-root" -> runRoot = Path.of(args[i + 1]);
                    case "--idle-timeout" -> idle = idleTimeout(args[i + 1]);
                    default -> throw usage("unknown option " + args[i]);
                }
            }
            if (args.length % 2 != 0 || runRoot == null) {
                throw usage("--run-root <dir> is required and every option takes a value");
            }
            return new Options(runRoot, Optional.ofNullable(idle));
        }

        private static Duration idleTimeout(String text) {
            try {
                Duration timeout = GoDuration.parse(text);
                if (timeout.isNegative() || timeout.isZero()) {
                    throw usage("--idle-timeout must be positive, got " + text);
                }
                return timeout;
            } catch (IllegalArgumentException e) {
                throw usage("--idle-timeout: " + e.getMessage());
            }
        }

        private static JcomposeException usage(String problem) {
            return new JcomposeException("bad engine command line: " + problem, USAGE, ExitCode.COMMAND_SYNTAX);
        }
    }

    private EngineMain() {}

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
        Options options = Options.parse(args);
        EngineDirectory directory = EngineDirectory.under(options.runRoot()).secure();
        Optional<EngineLock> acquired = EngineLock.tryAcquire(directory);
        if (acquired.isEmpty()) {
            System.out.println("jcompose engine " + ProcessHandle.current().pid() + ": another engine holds "
                    + directory.lock()
                    + EngineLock.recordedPid(directory)
                            .map(pid -> " (pid " + pid + ")")
                            .orElse("")
                    + "; exiting");
            return 0;
        }
        serve(directory, options, acquired.get());
        return 0;
    }

    private static void serve(EngineDirectory directory, Options options, EngineLock lock) {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stop.countDown();
                            awaitQuietly(stopped);
                        },
                        "jcompose-engine-sigterm"));
        EngineInfo info = EngineInfo.current();
        try (EngineContext engine = EngineContext.create()) {
            MethodRegistry methods = BuiltinMethods.register(new MethodRegistry(), info, stop::countDown);
            List<HandlerRegistry> registries = ServiceLoader.load(HandlerRegistry.class).stream()
                    .map(ServiceLoader.Provider::get)
                    .toList();
            // the composition root of the engine process: the machine's seams are made here, once
            HostAccess host = HostAccess.of(StackEnvironment.ofEngine(System.getenv(), System.getProperties()));
            // the conmons this engine starts are its to reap, at once, not at the pace of the host's init
            dev.jcompose.container.Subreaper.become(dev.jcompose.host.HostPaths.fromEnvironment(host.environment()));
            registries.forEach(registry -> registry.register(methods, engine, host));
            EngineServer.ConnectionObserver observer = options.idleTimeout()
                    .<EngineServer.ConnectionObserver>map(timeout -> idleShutdown(engine, timeout, registries, stop))
                    .orElse(EngineServer.ConnectionObserver.NONE);
            SocketAccess access = SocketAccess.fromEnvironment(host.environment());
            directory.serveTo(access);
            try (EngineServer server = new EngineServer(engine, directory, methods, observer, access).start()) {
                System.out.println("jcompose engine " + info.pid() + " (build " + info.build() + ") serving "
                        + directory.socket() + (access.group().isPresent() ? " to group " + access.name() : ""));
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

    private static IdleShutdown idleShutdown(
            EngineContext engine, Duration timeout, List<HandlerRegistry> registries, CountDownLatch stop) {
        IdleShutdown idle = new IdleShutdown(
                engine.scheduler(),
                timeout,
                () -> registries.stream().anyMatch(HandlerRegistry::keepsEngineAlive),
                () -> {
                    System.out.println("jcompose engine: idle for " + GoDuration.format(timeout) + ", stopping");
                    stop.countDown();
                });
        engine.execute(idle::start);
        return idle;
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
