package dev.jcompose.loader;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.environment.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal {@link EnvironmentSource}: {@code KEY=VALUE} lines, {@code #} comments, an optional
 * {@code export} prefix and one level of surrounding quotes; no interpolation inside env files.
 * A stand-in until the loader is wired to the environment package's full {@code .env} parser.
 */
public final class BasicEnvironmentSource implements EnvironmentSource {

    @Override
    public Environment projectEnvironment(Path projectDirectory, List<Path> envFiles,
            Map<String, String> processEnv) {
        Map<String, String> vars = new LinkedHashMap<>();
        List<Path> files = envFiles;
        if (files.isEmpty()) {
            Path dotEnv = projectDirectory.resolve(".env");
            files = Files.isRegularFile(dotEnv) ? List.of(dotEnv) : List.of();
        }
        files.forEach(f -> vars.putAll(read(f)));
        vars.putAll(processEnv);
        return Environment.of(vars);
    }

    @Override
    public Environment includedEnvironment(Environment outer, List<Path> envFiles) {
        Map<String, String> vars = new LinkedHashMap<>();
        envFiles.forEach(f -> vars.putAll(read(f)));
        vars.putAll(outer.variables());
        return Environment.of(vars);
    }

    static Map<String, String> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JcomposeException("cannot read env file " + file + ": " + e.getMessage(),
                    "check the --env-file / env_file path", ExitCode.FILE_NOT_FOUND, e);
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq > 0) {
                vars.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
            }
        }
        return vars;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        int comment = v.indexOf(" #");
        return comment >= 0 ? v.substring(0, comment).strip() : v;
    }
}
