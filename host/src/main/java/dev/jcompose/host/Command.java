package dev.jcompose.host;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A host command as data: argv, optional stdin, extra environment, working directory and a timeout.
 * Being a value, a planned command can be printed, compared in golden tests and replayed.
 */
public record Command(List<String> argv, byte[] stdin, Map<String, String> env, Path workingDir, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    public Command {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        stdin = stdin == null ? new byte[0] : stdin.clone();
        env = Map.copyOf(env);
        Objects.requireNonNull(timeout, "timeout");
    }

    public static Command of(String... argv) {
        return new Command(List.of(argv), null, Map.of(), null, DEFAULT_TIMEOUT);
    }

    public static Command of(List<String> argv) {
        return new Command(argv, null, Map.of(), null, DEFAULT_TIMEOUT);
    }

    public Command withStdin(String text) {
        return new Command(argv, text.getBytes(StandardCharsets.UTF_8), env, workingDir, timeout);
    }

    public Command withEnv(Map<String, String> extra) {
        return new Command(argv, stdin, extra, workingDir, timeout);
    }

    public Command withWorkingDir(Path dir) {
        return new Command(argv, stdin, env, dir, timeout);
    }

    public Command withTimeout(Duration t) {
        return new Command(argv, stdin, env, workingDir, t);
    }

    /** The command line as a shell would show it, for messages and golden files. */
    public String display() {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(a.matches("[A-Za-z0-9_./:=,+@%-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        if (!env.isEmpty()) {
            sb.insert(
                    0,
                    String.join(
                                    " ",
                                    new TreeMap<>(env)
                                            .entrySet().stream()
                                                    .map(e -> e.getKey() + "=" + e.getValue())
                                                    .toList())
                            + " ");
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Command c
                && c.argv.equals(argv)
                && java.util.Arrays.equals(c.stdin, stdin)
                && c.env.equals(env)
                && Objects.equals(c.workingDir, workingDir)
                && c.timeout.equals(timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(argv, java.util.Arrays.hashCode(stdin), env, workingDir, timeout);
    }

    @Override
    public String toString() {
        return display();
    }
}
