package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.api.UpOptions;
import dev.jcompose.console.LogPrinter;
import dev.jcompose.model.Project;
import dev.jcompose.policy.PullPolicy;
import dev.jcompose.watch.WatchSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jcompose up}: creates and starts the services' containers; in the foreground, then prints
 * their output until they exit or Ctrl-C stops them ({@link Foreground}).
 */
@Command(name = "up", description = "Create and start containers.")
final class UpCommand extends ComposeCommand {
    @Option(
            names = {"-d", "--detach"},
            description = "Detached mode: Run containers in the background.")
    boolean detach;

    @Option(names = "--wait", description = "Wait for services to be running|healthy. Implies detached mode.")
    boolean waitHealthy;

    @Option(
            names = "--wait-timeout",
            paramLabel = "SECONDS",
            description = "Maximum duration in seconds to wait for the project to be running|healthy.")
    Integer waitTimeout;

    @Option(
            names = "--force-recreate",
            description = "Recreate containers even if their configuration and image haven't changed.")
    boolean forceRecreate;

    @Option(names = "--no-recreate", description = "If containers already exist, don't recreate them.")
    boolean noRecreate;

    @Option(names = "--no-deps", description = "Don't start linked services.")
    boolean noDeps;

    @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file.")
    boolean removeOrphans;

    @Option(names = "--scale", paramLabel = "SERVICE=NUM", description = "Scale SERVICE to NUM instances (repeatable).")
    List<String> scale = new ArrayList<>();

    @Option(names = "--abort-on-container-exit", description = "Stops all containers if any container was stopped.")
    boolean abortOnExit;

    @Option(
            names = "--abort-on-container-failure",
            description = "Stops all containers if any container exited with failure.")
    boolean abortOnFailure;

    @Option(
            names = "--exit-code-from",
            paramLabel = "SERVICE",
            description = "Return the exit code of the selected service container. Implies --abort-on-container-exit.")
    String exitCodeFrom;

    @Option(
            names = "--attach",
            paramLabel = "SERVICE",
            description = "Restrict attaching to the specified services (repeatable).")
    List<String> attach = new ArrayList<>();

    @Option(names = "--attach-dependencies", description = "Automatically attach to log output of dependent services.")
    boolean attachDependencies;

    @Option(
            names = "--menu",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            description = "Accepted for docker compose compatibility: jcompose has no interactive shortcuts menu.")
    Boolean menu;

    @Option(names = "--no-log-prefix", description = "Don't print prefix in logs.")
    boolean noLogPrefix;

    @Option(names = "--no-color", description = "Produce monochrome output.")
    boolean noColor;

    @Option(names = "--timestamps", description = "Show timestamps.")
    boolean timestamps;

    @Option(names = "--pull", paramLabel = "always|missing|never", description = "Pull image before running.")
    String pull;

    @Option(names = "--no-start", description = "Don't start the services after creating them.")
    boolean noStart;

    @Option(
            names = {"-t", "--timeout"},
            paramLabel = "SECONDS",
            description =
                    "Use this timeout in seconds for container shutdown when attached or when containers are already running.")
    Integer timeout;

    @Option(names = "--watch", description = "Watch source code and rebuild/refresh containers when files are updated.")
    boolean watch;

    @Mixin
    BuildFlags buildFlags = new BuildFlags();

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services (default: all).")
    List<String> services = List.of();

    /** The flags as the engine's options, after compose's consistency checks. */
    UpOptions options(Project project) {
        boolean background = detach || waitHealthy;
        if (background && (abortOnExit || abortOnFailure || exitCodeFrom != null)) {
            throw Usage.error(
                    "--abort-on-container-exit, --abort-on-container-failure and --exit-code-from need an attached up",
                    "drop -d/--wait, or drop the abort flags");
        }
        if (abortOnExit && abortOnFailure) {
            throw Usage.error(
                    "--abort-on-container-exit and --abort-on-container-failure are incompatible", "use one of them");
        }
        if (exitCodeFrom != null && !project.services().containsKey(exitCodeFrom)) {
            throw Usage.error(
                    "--exit-code-from: no such service \"" + exitCodeFrom + "\"",
                    "use one of " + String.join(", ", project.services().keySet()));
        }
        if (watch && (detach || waitHealthy || noStart)) {
            throw Usage.error("--watch needs an attached up", "drop -d/--wait/--no-start, or drop --watch");
        }
        if (noStart && waitHealthy) {
            throw Usage.error("--no-start and --wait are incompatible", "use one of them");
        }
        if (forceRecreate && noRecreate) {
            throw Usage.error("--force-recreate and --no-recreate are incompatible", "use one of them");
        }
        if (attachDependencies && (!attach.isEmpty() || background)) {
            throw Usage.error(
                    "--attach-dependencies cannot be combined with --attach, --detach or --wait",
                    "drop --attach-dependencies, or run up attached without --attach");
        }
        return new UpOptions(
                        services,
                        noDeps,
                        forceRecreate,
                        noRecreate,
                        removeOrphans,
                        scale(scale, project),
                        pull == null ? null : pullPolicy(pull),
                        noStart,
                        waitHealthy,
                        waitTimeout == null ? null : Duration.ofSeconds(waitTimeout),
                        seconds(timeout))
                .withBuild(buildFlags.policy());
    }

    /**
     * {@code COMPOSE_REMOVE_ORPHANS}, from the shell or the project's {@code .env}, turns on
     * {@code --remove-orphans} as in docker compose ({@code true} or {@code 1}).
     */
    static boolean removeOrphansByEnvironment(dev.jcompose.environment.Environment environment) {
        return environment
                .get("COMPOSE_REMOVE_ORPHANS")
                .map(v -> v.equalsIgnoreCase("true") || v.equals("1"))
                .orElse(false);
    }

    static PullPolicy pullPolicy(String value) {
        return switch (value) {
            case "always" -> PullPolicy.ALWAYS;
            case "missing" -> PullPolicy.MISSING;
            case "never" -> PullPolicy.NEVER;
            case "build" -> PullPolicy.BUILD;
            default -> throw Usage.error("invalid --pull value \"" + value + "\"", "use always, missing or never");
        };
    }

    static SortedMap<String, Integer> scale(List<String> pairs, Project project) {
        SortedMap<String, Integer> out = new TreeMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            String service = eq < 0 ? pair : pair.substring(0, eq);
            if (eq < 0 || !pair.substring(eq + 1).matches("\\d{1,4}")) {
                throw Usage.error(
                        "invalid --scale value \"" + pair + "\"", "use --scale SERVICE=NUM, e.g. --scale web=3");
            }
            if (!project.services().containsKey(service)) {
                throw Usage.error(
                        "--scale: no such service \"" + service + "\"",
                        "use one of " + String.join(", ", project.services().keySet()));
            }
            out.put(service, Integer.parseInt(pair.substring(eq + 1)));
        }
        return out;
    }

    @Override
    public Integer call() {
        dev.jcompose.loader.LoadedProject loaded = load(services);
        Project project = loaded.project();
        removeOrphans |= removeOrphansByEnvironment(loaded.raw().environment());
        UpOptions options = options(project)
                .withOrigin(
                        loaded.raw().configFiles(),
                        loaded.raw().projectDirectory().toString())
                .withCompatibility(compatibility(loaded));
        Instant started = main.clock.now();
        return withService(compose -> {
            WatchSession session = watch
                    ? WatchSession.of(
                            compose,
                            project,
                            services,
                            options,
                            main.clock,
                            new CliWatchOutput(out(), err(), this::progress))
                    : null;
            try (ProgressOutput progress = progress("Running")) {
                compose.up(project, options, progress.listener());
            }
            if (detach || waitHealthy || noStart) {
                return ExitCode.SUCCESS;
            }
            Thread watching = session == null
                    ? null
                    : Thread.ofPlatform().daemon().name("jcompose-watch").start(session::run);
            try {
                return attached(compose, project, started);
            } finally {
                if (watching != null) {
                    watching.interrupt();
                    joinQuietly(watching);
                }
            }
        });
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code services} and everything they depend on, transitively; empty (all) stays empty. */
    static List<String> withDependencies(Project project, List<String> services) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(services);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            var s = project.services().get(name);
            if (out.add(name) && s != null) {
                todo.addAll(s.dependsOn().keySet());
            }
        }
        return List.copyOf(out);
    }

    private int attached(dev.jcompose.api.ComposeService compose, Project project, Instant started) {
        LogPrinter printer = new LogPrinter(
                out(),
                err(),
                dev.jcompose.console.LogFormat.of(
                        main.display.ansi(), main.host().terminal(), noColor, noLogPrefix, timestamps));
        Foreground.Settings settings = new Foreground.Settings(
                project.name(),
                attach.isEmpty() ? services : attach,
                abortOnExit || exitCodeFrom != null,
                abortOnFailure,
                exitCodeFrom,
                started,
                timestamps,
                seconds(timeout),
                services.isEmpty() ? List.copyOf(project.services().keySet()) : services,
                attachDependencies && attach.isEmpty() ? withDependencies(project, services) : null);
        return new Foreground(
                        compose, settings, printer, this::progress, main.host().signals())
                .run();
    }
}
