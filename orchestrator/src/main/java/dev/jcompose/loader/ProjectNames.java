package dev.jcompose.loader;

import dev.jcompose.JcomposeException;
import dev.jcompose.environment.Environment;
import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.YamlPath;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The project name, in docker compose's precedence: {@code -p}, {@code COMPOSE_PROJECT_NAME}, the
 * top-level {@code name}, then the project directory's base name made valid. Names given
 * explicitly must already be valid.
 */
final class ProjectNames {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private ProjectNames() {
    }

    static String of(String flag, Environment env, MapNode model, Path projectDirectory) {
        if (flag != null && !flag.isEmpty()) {
            return checked(flag, "-p / --project-name");
        }
        String fromEnv = env.get("COMPOSE_PROJECT_NAME").orElse("");
        if (!fromEnv.isEmpty()) {
            return checked(fromEnv, "COMPOSE_PROJECT_NAME");
        }
        Node name = model.get("name").orElse(null);
        if (name instanceof ScalarNode s && !s.isNull() && !s.text().isEmpty()) {
            if (!VALID.matcher(s.text()).matches()) {
                throw ComposeFileException.at(s, YamlPath.of("name"), invalid(s.text()), null);
            }
            return s.text();
        }
        Path base = projectDirectory.getFileName();
        String normalized = normalize(base == null ? "" : base.toString());
        if (normalized.isEmpty()) {
            throw new JcomposeException("project name must not be empty",
                    "set one with -p, COMPOSE_PROJECT_NAME or a top-level name: in the compose file");
        }
        return normalized;
    }

    /** Lower case, only {@code [a-z0-9_-]}, no leading {@code _} or {@code -} (compose-go's rule). */
    static String normalize(String s) {
        String kept = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
        return kept.replaceFirst("^[_-]+", "");
    }

    private static String checked(String name, String origin) {
        if (!VALID.matcher(name).matches()) {
            throw new JcomposeException(invalid(name), "fix the name given by " + origin);
        }
        return name;
    }

    private static String invalid(String name) {
        return "invalid project name \"" + name + "\": must consist only of lowercase alphanumeric characters,"
                + " hyphens, and underscores as well as start with a letter or number";
    }
}
