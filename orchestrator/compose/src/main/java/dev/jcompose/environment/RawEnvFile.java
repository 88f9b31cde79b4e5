package dev.jcompose.environment;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.Function;

/**
 * An env file in compose's {@code format: raw}: the syntax of {@code docker run --env-file}, where a
 * value is the rest of its line exactly as written (quotes, {@code $}, {@code #} and trailing spaces
 * kept; nothing interpolated). Leading whitespace is skipped; empty lines and lines starting with
 * {@code #} are comments; a {@code KEY} line without {@code =} takes the variable from {@code lookup}
 * and is left out when it has none.
 */
public final class RawEnvFile {
    private RawEnvFile() {}

    public static LinkedHashMap<String, String> parse(
            String text, String file, Function<String, Optional<String>> lookup) {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int number = 0;
        for (String raw : body.split("\r?\n", -1)) {
            number++;
            String line = raw.stripLeading();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String name = eq < 0 ? line : line.substring(0, eq);
            if (name.isEmpty()) {
                throw problem(file, number, "no variable name on line '" + line + "'");
            }
            if (name.chars().anyMatch(Character::isWhitespace)) {
                throw problem(file, number, "variable '" + name + "' contains whitespaces");
            }
            if (eq >= 0) {
                out.put(name, line.substring(eq + 1));
            } else {
                lookup.apply(name).ifPresent(v -> out.put(name, v));
            }
        }
        return out;
    }

    private static JcomposeException problem(String file, int line, String what) {
        return new JcomposeException(
                "failed to parse env_file " + file + ":" + line + ": " + what,
                "a raw env file holds NAME=VALUE lines (the value taken as written) or NAME alone",
                ExitCode.COMPOSE_PARSE);
    }
}
