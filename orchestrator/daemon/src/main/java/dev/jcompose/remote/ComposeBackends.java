package dev.jcompose.remote;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.api.ComposeService;
import dev.jcompose.daemon.EngineClient;
import dev.jcompose.daemon.EngineCommand;
import dev.jcompose.daemon.EngineDirectory;
import dev.jcompose.daemon.EngineLauncher;
import dev.jcompose.daemon.StackEnvironment;
import dev.jcompose.engine.EngineContext;
import dev.jcompose.host.HostAccess;
import dev.jcompose.host.HostPaths;
import dev.jcompose.stack.Stack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one place that decides where compose commands run: in the host's engine process (the
 * default), or, with {@code JCOMPOSE_ENGINE=inprocess}, in a {@link Stack} inside the CLI process
 * (tests and debugging: no socket, but DNS and supervision stop when the command ends).
 */
public final class ComposeBackends {
    static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private ComposeBackends() {}

    /** A service and what to close after the command. */
    public interface Backend extends AutoCloseable {
        ComposeService service();

        @Override
        void close();
    }

    public static Backend open(Map<String, String> env, Consumer<String> notices) {
        String mode = env.getOrDefault("JCOMPOSE_ENGINE", "daemon");
        return switch (mode) {
            case "inprocess" -> inProcess(env);
            case "daemon", "" -> daemon(env, notices);
            default ->
                throw new JcomposeException(
                        "unsupported JCOMPOSE_ENGINE=" + mode,
                        "use JCOMPOSE_ENGINE=daemon (the default) or JCOMPOSE_ENGINE=inprocess",
                        ExitCode.COMMAND_SYNTAX);
        };
    }

    private static Backend inProcess(Map<String, String> env) {
        // the CLI process's engine: one engine context, the machine's seams made here
        EngineContext engine = EngineContext.create();
        Stack stack;
        try {
            stack = Stack.open(StackEnvironment.settings(env), HostAccess.of(env), engine);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        ComposeService service = stack.service();
        return new Backend() {
            @Override
            public ComposeService service() {
                return service;
            }

            @Override
            public void close() {
                try {
                    stack.close();
                } finally {
                    engine.close();
                }
            }
        };
    }

    private static Backend daemon(Map<String, String> env, Consumer<String> notices) {
        EngineLauncher launcher = launcher(env, notices);
        ComposeService service = new RemoteComposeService(launcher::ensureRunning, notices);
        return new Backend() {
            @Override
            public ComposeService service() {
                return service;
            }

            @Override
            public void close() {
                // each call closed its own connection; the engine keeps running
            }
        };
    }

    /** The launcher of this host's engine, for the run root {@code env} names. */
    public static EngineLauncher launcher(Map<String, String> env) {
        return launcher(env, System.err::println);
    }

    /** @param notices where the launcher says that it replaced an idle engine of another build */
    public static EngineLauncher launcher(Map<String, String> env, Consumer<String> notices) {
        Path runRoot = HostPaths.fromEnvironment(env).runRoot();
        return new EngineLauncher(
                EngineDirectory.under(runRoot),
                EngineCommand.sameJvm(runRoot, StackEnvironment.jvmOptions(env), List.of()),
                START_TIMEOUT,
                notices);
    }

    /** The engine serving {@code env}'s run root, if one answers; it is not started. */
    public static java.util.Optional<dev.jcompose.daemon.EngineInfo> engineInfo(Map<String, String> env) {
        Path runRoot = HostPaths.fromEnvironment(env).runRoot();
        try (EngineClient client = EngineClient.connect(EngineDirectory.under(runRoot))) {
            return java.util.Optional.of(client.info());
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static final java.time.Duration ENGINE_EXIT_WAIT = java.time.Duration.ofSeconds(30);

    /**
     * Asks the engine serving {@code env}'s run root to stop, if one runs (containers keep running),
     * and returns once its process has exited, so a following command never meets a half-closed one.
     */
    public static boolean shutdownEngine(Map<String, String> env) {
        Path runRoot = HostPaths.fromEnvironment(env).runRoot();
        long pid;
        try (EngineClient client = EngineClient.connect(EngineDirectory.under(runRoot))) {
            pid = client.info().pid();
            client.call("shutdown", WireJson.object(), e -> {});
        } catch (java.io.IOException e) {
            return false;
        }
        awaitExit(pid);
        return true;
    }

    private static void awaitExit(long pid) {
        java.util.Optional<ProcessHandle> engine = ProcessHandle.of(pid);
        if (engine.isEmpty()) {
            return;
        }
        try {
            engine.get().onExit().get(ENGINE_EXIT_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new dev.jcompose.JcomposeException(
                    "the jcompose engine (pid " + pid + ") did not exit within " + ENGINE_EXIT_WAIT.toSeconds()
                            + "s of being asked to",
                    "see engine.log in the run root's " + "engine directory; kill it with: kill " + pid
                            + " (containers keep running)");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
