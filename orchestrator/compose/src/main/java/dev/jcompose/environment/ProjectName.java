package dev.jcompose.environment;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The project's name and where it came from, chosen as compose-go chooses it:
 * {@code -p}, then {@code COMPOSE_PROJECT_NAME}, then the compose file's top-level {@code name:}
 * (interpolated by the caller; with several files the last one that sets it), then the project
 * directory's base name.
 *
 * <p>A name someone wrote ({@code -p}, {@code COMPOSE_PROJECT_NAME}, {@code name:}) must already be
 * valid: silently renaming a project the user named would make {@code down} miss the containers of
 * {@code up}. Only the directory name is normalised (lower-cased, characters outside
 * {@code [a-z0-9_-]} dropped, leading {@code _}/{@code -} dropped).
 *
 * @param value  the name
 * @param source where it came from
 */
public record ProjectName(String value, Source source) {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern DROPPED = Pattern.compile("[^a-z0-9_-]");

    /** Where a project name came from, for messages and {@code config} output. */
    public enum Source {
        COMMAND_LINE("-p"),
        ENVIRONMENT("COMPOSE_PROJECT_NAME"),
        COMPOSE_FILE("name: in the compose file"),
        DIRECTORY("the project directory's name");

        private final String description;

        Source(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public ProjectName {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        if (!isValid(value)) {
            throw invalid(value, source);
        }
    }

    /**
     * @param flag         the {@code -p} value, if given (an empty value counts as not given)
     * @param env          the project environment ({@code COMPOSE_PROJECT_NAME})
     * @param nameFromFile the interpolated top-level {@code name:}, if any compose file sets it
     * @param projectDir   the project directory
     */
    public static ProjectName resolve(
            Optional<String> flag, Environment env, Optional<String> nameFromFile, Path projectDir) {
        Optional<String> p = flag.filter(s -> !s.isEmpty());
        if (p.isPresent()) {
            return new ProjectName(p.get(), Source.COMMAND_LINE);
        }
        Optional<String> fromEnv =
                env.get(ProjectEnvironment.COMPOSE_PROJECT_NAME).filter(s -> !s.isEmpty());
        if (fromEnv.isPresent()) {
            return new ProjectName(fromEnv.get(), Source.ENVIRONMENT);
        }
        Optional<String> fromFile = nameFromFile.filter(s -> !s.isEmpty());
        if (fromFile.isPresent()) {
            return new ProjectName(fromFile.get(), Source.COMPOSE_FILE);
        }
        Path base = projectDir.toAbsolutePath().normalize().getFileName();
        String fromDir = base == null ? "" : normalize(base.toString());
        if (fromDir.isEmpty()) {
            throw new JcomposeException(
                    "cannot derive a project name from the directory "
                            + projectDir.toAbsolutePath().normalize() + ": nothing is left once it is normalised "
                            + "to lowercase letters, digits, '-' and '_'",
                    "name the project with -p NAME, COMPOSE_PROJECT_NAME or a top-level name: in the compose file",
                    ExitCode.FAILURE);
        }
        return new ProjectName(fromDir, Source.DIRECTORY);
    }

    /** compose-go's NormalizeProjectName. */
    public static String normalize(String s) {
        String kept = DROPPED.matcher(s.toLowerCase(java.util.Locale.ROOT)).replaceAll("");
        int start = 0;
        while (start < kept.length() && (kept.charAt(start) == '_' || kept.charAt(start) == '-')) {
            start++;
        }
        return kept.substring(start);
    }

    /** Lowercase letters, digits, '-' and '_', starting with a letter or digit. */
    public static boolean isValid(String s) {
        return VALID.matcher(s).matches();
    }

    private static JcomposeException invalid(String value, Source source) {
        return new JcomposeException(
                invalidMessage(value),
                hintFor(value, source),
                source == Source.COMPOSE_FILE ? ExitCode.COMPOSE_PARSE : ExitCode.FAILURE);
    }

    /** compose's wording for a name that is not valid. */
    public static String invalidMessage(String value) {
        return "invalid project name " + quoted(value)
                + ": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as "
                + "start with a letter or number";
    }

    /** How to fix {@code value}, given where it came from. */
    public static String hintFor(String value, Source source) {
        return "fix the name given by " + source.description() + ", e.g. " + quoted(suggestion(value));
    }

    private static String suggestion(String value) {
        String n = normalize(value);
        return n.isEmpty() ? "myproject" : n;
    }

    private static String quoted(String s) {
        return dev.jcompose.interpolation.Substitution.quoted(s);
    }

    @Override
    public String toString() {
        return value;
    }
}
