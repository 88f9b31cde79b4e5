package dev.jcompose.cli;

import dev.jcompose.stack.ExecOptions;
import dev.jcompose.stack.ExecOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jcompose exec SERVICE COMMAND...}: runs a command in a running container; its exit code is
 * jcompose's. Output is collected by the engine and printed when the command ends (no tty yet, so
 * {@code -T} is what always happens).
 */
@Command(name = "exec", description = "Execute a command in a running container.")
final class ExecCommand extends ComposeCommand {
    @Option(names = {"-T", "--no-TTY"}, description = "Disable pseudo-TTY allocation (jcompose never allocates one yet).")
    boolean noTty;

    @Option(names = {"-i", "--interactive"}, description = "Keep STDIN open (accepted; standard input is not forwarded yet).")
    boolean interactive;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VAL", description = "Set environment variables.")
    List<String> env = new ArrayList<>();

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Path to workdir directory for this command.")
    String workdir;

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "Run the command as this user.")
    String user;

    @Option(names = "--index", paramLabel = "N", description = "Index of the container if the service has multiple replicas.")
    int index = 1;

    @Option(names = {"-d", "--detach"}, description = "Detached mode: run the command in the background (not supported yet).")
    boolean detach;

    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service.")
    String service;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments.")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() {
        if (detach) {
            throw Usage.notSupported("exec --detach", "run the command in the foreground");
        }
        ExecOptions options = options();
        String project = projectName();
        ExecOutcome outcome = withService(compose -> compose.exec(project, options));
        out().print(outcome.stdout());
        out().flush();
        err().print(outcome.stderr());
        err().flush();
        return outcome.exitCode();
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
