package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.api.BuildOptions;
import dev.jcompose.api.OneOffAttach;
import dev.jcompose.api.RunOptions;
import dev.jcompose.api.RunOutcome;
import dev.jcompose.api.StackListener;
import dev.jcompose.schema.command.ShellWords;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jcompose run SERVICE [COMMAND...]}: a one-off container of the service, named
 * {@code <project>-<service>-run-<hex>} and labelled oneoff, after its dependencies (unless
 * {@code --no-deps}); the service's ports are published only with {@code --service-ports} or
 * {@code -p}. Attached, the CLI connects to the one-off's conmon attach socket before it starts
 * ({@link OneOffSession}): output streamed, standard input forwarded (unless {@code -i=false}), a
 * pseudo-TTY when jcompose runs on a terminal (unless {@code -T}); its exit code is jcompose's.
 */
@Command(
        name = "run",
        description = {"Run a one-off command on a service."})
final class RunCommand extends ComposeCommand {
    @Option(names = "--rm", description = "Automatically remove the container when it exits.")
    boolean remove;

    @Option(
            names = {"-d", "--detach"},
            description = "Run container in background and print its name.")
    boolean detach;

    @Option(
            names = {"-e", "--env"},
            paramLabel = "KEY=VAL",
            description = "Set environment variables.")
    List<String> env = new ArrayList<>();

    @Option(
            names = "--env-from-file",
            paramLabel = "FILE",
            description = "Set environment variables from a file (repeatable; -e values win).")
    List<String> envFromFiles = new ArrayList<>();

    @Option(
            names = {"-v", "--volume", "--volumes"},
            paramLabel = "[SOURCE:]TARGET[:ro|rw]",
            description = "Bind mount a volume (repeatable).")
    List<String> volumes = new ArrayList<>();

    @Option(
            names = "--entrypoint",
            paramLabel = "CMD",
            description = "Override the entrypoint of the image (split into words like a shell, no expansion).")
    String entrypoint;

    @Option(names = "--no-deps", description = "Don't start linked services.")
    boolean noDeps;

    @Option(
            names = {"-p", "--publish"},
            paramLabel = "[IP:]PUBLISHED:TARGET",
            description = "Publish a container's port(s) to the host.")
    List<String> publish = new ArrayList<>();

    @Option(
            names = {"-P", "--service-ports"},
            description = "Run command with the service's ports enabled and mapped to the host.")
    boolean servicePorts;

    @Option(names = "--name", paramLabel = "NAME", description = "Assign a name to the container.")
    String name;

    @Option(
            names = {"-w", "--workdir"},
            paramLabel = "DIR",
            description = "Working directory inside the container.")
    String workdir;

    @Option(
            names = {"-u", "--user"},
            paramLabel = "USER",
            description = "Run as specified username or uid.")
    String user;

    @Option(
            names = {"-T", "--no-TTY"},
            description =
                    "Disable pseudo-TTY allocation. By default a TTY is allocated when jcompose runs on a terminal.")
    boolean noTty;

    @Option(
            names = {"-i", "--interactive"},
            negatable = true,
            arity = "0..1",
            defaultValue = "true",
            fallbackValue = "true",
            description = "Keep STDIN open: forward jcompose's standard input (default: true).")
    boolean interactive = true;

    @Option(
            names = {"-t", "--tty"},
            hidden = true,
            description = "Allocate a pseudo-TTY (the default on a terminal).")
    boolean tty;

    @Option(names = "--build", description = "Build image before starting container.")
    boolean build;

    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service.")
    String service;

    @Parameters(
            index = "1..*",
            arity = "0..*",
            paramLabel = "COMMAND",
            description = "The command and its arguments (default: the service's).")
    List<String> command = new ArrayList<>();

    private final SecureRandom random = new SecureRandom();

    @Override
    public Integer call() {
        var loaded = load(List.of(service));
        var project = loaded.project();
        Interaction how = interaction();
        RunOptions options =
                options(project.name(), how, loaded.raw().environment().variables(), compatibility(loaded));
        PrintWriter out = out();
        ProgressOutput progress = progress("run");
        AtomicBoolean progressDone = new AtomicBoolean();
        Runnable endProgress = () -> {
            if (progressDone.compareAndSet(false, true)) {
                progress.close();
            }
        };
        try {
            return withService(compose -> {
                StackListener deps = dependencies(options.name(), progress.listener(), progressDone);
                if (build && project.services().get(service).build() != null) {
                    compose.build(project, new BuildOptions(List.of(service), false, false, null), deps);
                }
                if (detach) {
                    RunOutcome outcome = compose.run(project, options, deps, r -> {});
                    endProgress.run();
                    out.println(outcome.container());
                    out.flush();
                    return ExitCode.SUCCESS;
                }
                OneOffAttach oneOff = compose.createOneOff(project, options, deps);
                endProgress.run();
                return new OneOffSession(Stdio.of(main.host(), out, err()), oneOff)
                        .run(() -> compose.startOneOff(project.name(), oneOff.container(), remove, e -> {}));
            });
        } finally {
            endProgress.run();
        }
    }

    Interaction interaction() {
        return Interaction.decide(
                noTty, interactive, detach, main.host().terminal(), main.host().processStdio());
    }

    RunOptions options(String project) {
        return options(project, interaction(), main.host().variables(), false);
    }

    /**
     * @param variables where a bare {@code -e KEY} takes its value: the project environment (the
     *                  shell over {@code --env-file}, {@code COMPOSE_ENV_FILES} or {@code .env}), as
     *                  compose resolves it; a name it lacks is left out, so the image's value stays
     * @param compatibility the one-off is named {@code project_service_run_hex} ({@code --compatibility})
     */
    RunOptions options(
            String project, Interaction how, java.util.Map<String, String> variables, boolean compatibility) {
        String container = name != null
                ? name
                : compatibility
                        ? String.join("_", project, service, "run", hex()) // docker-compose v1's one-off name
                        : RunOptions.oneOffName(project, service, hex());
        List<String> entry = entrypoint == null ? null : entrypoint(entrypoint);
        return new RunOptions(
                service,
                command,
                entry,
                environment(variables),
                publish,
                servicePorts,
                container,
                workdir,
                user,
                noDeps,
                detach,
                remove,
                detach ? interactive : how.stdin(), // -d: nothing to forward, but -i keeps stdin open
                how.tty(),
                volumes.stream()
                        .map(v -> RunVolumes.parse(
                                v,
                                main.host().workingDir(),
                                main.host().variables().getOrDefault("HOME", "/")))
                        .toList());
    }

    /**
     * {@code -e} pairs, a bare {@code -e KEY} resolved from {@code variables}; then each
     * {@code --env-from-file} (dotenv syntax, interpolated with the {@code -e} values) adds the
     * variables {@code -e} did not set, as compose does.
     */
    java.util.Map<String, String> environment(java.util.Map<String, String> variables) {
        java.util.Map<String, String> out = ExecCommand.environment(env, variables);
        for (String file : envFromFiles) {
            java.nio.file.Path path = main.host().workingDir().resolve(file);
            java.util.Map<String, String> known = java.util.Map.copyOf(out);
            dev.jcompose.environment.DotEnv.read(path, name -> java.util.Optional.ofNullable(known.get(name)), w -> {})
                    .forEach((k, v) -> {
                        if (v != null) {
                            out.putIfAbsent(k, v);
                        }
                    });
        }
        return out;
    }

    /** Split into words as compose does (shellwords: quotes group, no expansion). */
    static List<String> entrypoint(String value) {
        try {
            return ShellWords.split(value);
        } catch (IllegalArgumentException e) {
            throw Usage.error(
                    "invalid --entrypoint value \"" + value + "\": " + e.getMessage(),
                    "close the quote, or give the entrypoint without quotes");
        }
    }

    private String hex() {
        byte[] b = new byte[6];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Progress of the dependencies only, as compose shows it; the one-off's own steps are not drawn. */
    static StackListener dependencies(String oneOff, StackListener progress, AtomicBoolean done) {
        return e -> {
            if (!done.get() && !e.name().equals(oneOff)) {
                progress.onEvent(e);
            }
        };
    }
}
