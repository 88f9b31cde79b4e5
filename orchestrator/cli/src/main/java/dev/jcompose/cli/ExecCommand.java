package dev.jcompose.cli;

import dev.jcompose.api.ExecOptions;
import dev.jcompose.container.ExecRecipe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jcompose exec SERVICE COMMAND...}: runs a command in a running container, as docker compose
 * does: a pseudo-TTY when jcompose runs on a terminal (unless {@code -T}), standard input forwarded,
 * output live, Ctrl-C and SIGTERM passed to the process, its exit code jcompose's; {@code -d} returns
 * once it started. The engine resolves the container and hands back an {@link dev.jcompose.container.ExecRecipe};
 * the CLI runs it itself ({@link ExecLauncher}), so the process talks to the user's terminal directly.
 */
@Command(name = "exec", description = "Execute a command in a running container.")
final class ExecCommand extends ComposeCommand {
    @Option(
            names = {"-T", "--no-TTY"},
            description =
                    "Disable pseudo-TTY allocation. By default a TTY is allocated when jcompose runs on a terminal.")
    boolean noTty;

    @Option(
            names = {"-t", "--tty"},
            hidden = true,
            description = "Allocate a pseudo-TTY (the default on a terminal).")
    boolean tty;

    @Option(
            names = {"-i", "--interactive"},
            negatable = true,
            arity = "0..1",
            defaultValue = "true",
            fallbackValue = "true",
            description = "Keep STDIN open: forward jcompose's standard input (default: true).")
    boolean interactive = true;

    @Option(
            names = {"-e", "--env"},
            paramLabel = "KEY=VAL",
            description = "Set environment variables.")
    List<String> env = new ArrayList<>();

    @Option(
            names = {"-w", "--workdir"},
            paramLabel = "DIR",
            description = "Path to workdir directory for this command.")
    String workdir;

    @Option(
            names = {"-u", "--user"},
            paramLabel = "USER",
            description = "Run the command as this user.")
    String user;

    @Option(
            names = "--index",
            paramLabel = "N",
            description = "Index of the container if the service has multiple replicas (default: the first running).")
    int index;

    @Option(
            names = {"-d", "--detach"},
            description = "Detached mode: run the command in the background.")
    boolean detach;

    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service.")
    String service;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments.")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() {
        ExecOptions options = options();
        String project = projectName(List.of(service));
        Interaction how = interaction();
        ExecRecipe recipe = withService(compose -> compose.execRecipe(project, options, how.tty(), detach));
        return new ExecLauncher(Stdio.of(main.host(), out(), err()), main.host().signals()).run(recipe, how);
    }

    Interaction interaction() {
        return Interaction.decide(
                noTty, interactive, detach, main.host().terminal(), main.host().processStdio());
    }

    ExecOptions options() {
        return new ExecOptions(service, index, command, user, workdir, environment(env));
    }

    /** {@code -e KEY=VAL} pairs; {@code -e KEY} alone takes the value from jcompose's environment, like docker. */
    Map<String, String> environment(List<String> pairs) {
        return environment(pairs, main.host().variables());
    }

    /** {@code -e} pairs; a bare {@code KEY} takes its value from {@code variables} (dropped when unset). */
    static Map<String, String> environment(List<String> pairs, Map<String, String> variables) {
        Map<String, String> out = new TreeMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq == 0) {
                throw Usage.error("invalid -e value \"" + pair + "\"", "use -e KEY=VALUE");
            }
            if (eq < 0) {
                String value = variables.get(pair);
                if (value != null) {
                    out.put(pair, value);
                }
            } else {
                out.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return out;
    }
}
