package dev.jcompose.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The image config that {@code --change} instructions set, in Dockerfile syntax: {@code CMD ["sh"]}
 * (exec form) or {@code CMD echo hi} (shell form: {@code /bin/sh -c}), {@code ENTRYPOINT},
 * {@code ENV K=V}, {@code WORKDIR}, {@code USER}. Later instructions win, as in a Dockerfile.
 *
 * @param entrypoint null when not set
 * @param cmd        null when not set
 */
public record ImageChanges(
        List<String> entrypoint, List<String> cmd, List<String> env, String workingDir, String user) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ImageChanges {
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = cmd == null ? null : List.copyOf(cmd);
        env = List.copyOf(env);
    }

    public static ImageChanges none() {
        return new ImageChanges(null, null, List.of(), "", "");
    }

    public static ImageChanges parse(List<String> instructions) {
        ImageChanges c = none();
        for (String instruction : instructions) {
            c = c.apply(instruction.strip());
        }
        return c;
    }

    private ImageChanges apply(String instruction) {
        int space = instruction.indexOf(' ');
        String keyword = (space < 0 ? instruction : instruction.substring(0, space)).toUpperCase(Locale.ROOT);
        String rest = space < 0 ? "" : instruction.substring(space + 1).strip();
        if (rest.isEmpty()) {
            throw invalid(instruction, "the instruction has no value");
        }
        return switch (keyword) {
            case "CMD" -> new ImageChanges(entrypoint, command(instruction, rest), env, workingDir, user);
            case "ENTRYPOINT" -> new ImageChanges(command(instruction, rest), cmd, env, workingDir, user);
            case "ENV" -> new ImageChanges(entrypoint, cmd, withEnv(instruction, rest), workingDir, user);
            case "WORKDIR" -> new ImageChanges(entrypoint, cmd, env, rest, user);
            case "USER" -> new ImageChanges(entrypoint, cmd, env, workingDir, rest);
            default -> throw invalid(instruction, "jcompose supports CMD, ENTRYPOINT, ENV, WORKDIR and USER");
        };
    }

    /** {@code ["sh", "-c", "x"]} as is; anything else is the shell form. */
    private static List<String> command(String instruction, String value) {
        if (!value.startsWith("[")) {
            return List.of("/bin/sh", "-c", value);
        }
        try {
            String[] argv = JSON.readValue(value, String[].class);
            return List.of(argv);
        } catch (JsonProcessingException | NullPointerException e) {
            throw invalid(
                    instruction, "the exec form must be a JSON array of strings, e.g. [\"sh\", \"-c\", \"echo hi\"]");
        }
    }

    /** {@code ENV K=V}, or the old {@code ENV K V}; a variable set again replaces the earlier value. */
    private List<String> withEnv(String instruction, String value) {
        int eq = value.indexOf('=');
        int space = value.indexOf(' ');
        String pair = eq > 0 && (space < 0 || eq < space)
                ? value
                : space > 0
                        ? value.substring(0, space) + "="
                                + value.substring(space + 1).strip()
                        : null;
        if (pair == null || pair.indexOf(' ') >= 0 && pair.indexOf(' ') < pair.indexOf('=')) {
            throw invalid(instruction, "use ENV KEY=VALUE");
        }
        String key = pair.substring(0, pair.indexOf('=') + 1);
        List<String> out =
                new ArrayList<>(env.stream().filter(e -> !e.startsWith(key)).toList());
        out.add(pair);
        return out;
    }

    private static JcomposeException invalid(String instruction, String hint) {
        return new JcomposeException("invalid --change \"" + instruction + "\"", hint, ExitCode.COMMAND_SYNTAX);
    }
}
