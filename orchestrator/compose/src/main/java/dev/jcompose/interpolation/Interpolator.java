package dev.jcompose.interpolation;

import dev.jcompose.environment.Environment;
import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.Location;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarKind;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import dev.jcompose.yaml.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Compose-spec variable interpolation ({@code $VAR}, {@code ${VAR:-default}}, {@code $$}...) over a
 * YAML tree; the syntax and its corner cases are {@link Substitution}'s.
 *
 * <p>Only string scalars are rewritten: numbers, booleans and nulls are left alone, and an
 * interpolated scalar becomes a string scalar at the same location (later stages cast it where
 * the model wants a number). Mapping keys are never interpolated: compose-go copies keys verbatim
 * and interpolates values only, so {@code environment: {$KEY: x}} keeps the key {@code $KEY}.
 *
 * <p>Errors point at the scalar (the reader does not keep a scalar's quoting style, so a column
 * inside the scalar could not be computed reliably) and quote the whole value.
 */
public final class Interpolator {
    /** compose's hint for a malformed expression. */
    public static final String ESCAPE_HINT = "You may need to escape any $ with another $.";

    private final Consumer<String> warnings;

    /** @param warnings receives warnings such as an unset variable defaulting to a blank string */
    public Interpolator(Consumer<String> warnings) {
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /** Interpolates every string scalar of {@code tree}; {@code path} is the tree's path in its document. */
    public Node interpolate(Node tree, YamlPath path, Environment env) {
        return switch (tree) {
            case ScalarNode s -> scalar(s, path, env);
            case SeqNode seq -> sequence(seq, path, env);
            case MapNode map -> mapping(map, path, env);
        };
    }

    /** Interpolates one string; errors name {@code location} and {@code path}. */
    public String interpolate(String text, Location location, YamlPath path, Environment env) {
        try {
            return new Substitution(env::get, warnings).expand(text);
        } catch (InterpolationException e) {
            throw toComposeError(e, text, location, path);
        }
    }

    /**
     * The error compose reports for {@code text}, at {@code location}; {@code path} names the value
     * (it may be null or the root, e.g. for a value of an env file).
     */
    public static ComposeFileException toComposeError(
            InterpolationException e, String text, Location location, YamlPath path) {
        return toComposeError(e, text, location, path, path == null || path.depth() == 0 ? null : path.toString());
    }

    /** As above, naming the value {@code subject} in the message (null: not named). */
    public static ComposeFileException toComposeError(
            InterpolationException e, String text, Location location, YamlPath path, String subject) {
        if (e.kind() != InterpolationException.Kind.INVALID_FORMAT) {
            return new ComposeFileException(location, path, e.getMessage(), e.hint());
        }
        String problem = "invalid interpolation format" + (subject == null ? "" : " for " + subject) + ": "
                + Substitution.quoted(text);
        // compose's message names the path itself; the exception must not print it a second time.
        return subject == null
                ? new ComposeFileException(location, path, problem, ESCAPE_HINT)
                : ComposeFileException.pathInProblem(location, path, problem, ESCAPE_HINT);
    }

    private Node scalar(ScalarNode s, YamlPath path, Environment env) {
        if (s.kind() != ScalarKind.STRING || s.text().indexOf('$') < 0) {
            return s;
        }
        String result = interpolate(s.text(), s.location(), path, env);
        return result.equals(s.text()) ? s : s.withText(result);
    }

    private Node sequence(SeqNode seq, YamlPath path, Environment env) {
        List<Node> items = new ArrayList<>(seq.size());
        boolean changed = false;
        for (int i = 0; i < seq.size(); i++) {
            Node item = seq.get(i);
            Node result = interpolate(item, path.index(i), env);
            changed |= result != item;
            items.add(result);
        }
        return changed ? seq.withItems(items) : seq;
    }

    private Node mapping(MapNode map, YamlPath path, Environment env) {
        List<MapNode.Field> fields = new ArrayList<>(map.size());
        boolean changed = false;
        for (MapNode.Field f : map.fields()) {
            Node result = interpolate(f.value(), path.key(f.key()), env);
            changed |= result != f.value();
            fields.add(result == f.value() ? f : f.withValue(result));
        }
        return changed ? map.withFields(fields) : map;
    }
}
