package dev.jcompose.schema.service;

import dev.jcompose.quantity.GoDuration;
import dev.jcompose.schema.Canonical;
import dev.jcompose.schema.Expect;
import dev.jcompose.schema.KeyValues;
import dev.jcompose.schema.volume.VolumeSyntax;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarKind;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.YamlPath;
import java.util.List;

/**
 * The simple field rules, named after compose-go's Go types. Zero values are left out where the Go
 * field is a plain value with {@code omitempty} (false, 0, "", empty list), and kept where it is a
 * pointer ({@code init}, {@code scale}, {@code retries}...).
 */
final class SimpleRules {
    private SimpleRules() {}

    static final FieldRule STRING = (v, p) -> {
        String s = Expect.string(v, p);
        return s.isEmpty() ? null : Canonical.string(s, v.location());
    };

    /** A string field that also takes a number ({@code user: 1000} after interpolation). */
    static final FieldRule TEXT = (v, p) -> {
        String s = Expect.text(v, p);
        return s.isEmpty() ? null : Canonical.string(s, v.location());
    };

    static final FieldRule FLAG = (v, p) -> Expect.bool(v, p) ? Canonical.bool(true, v.location()) : null;

    static final FieldRule OPTIONAL_BOOL = (v, p) -> Canonical.bool(Expect.bool(v, p), v.location());

    static final FieldRule INT = (v, p) -> {
        long n = Expect.integer(v, p);
        return n == 0 ? null : Canonical.integer(n, v.location());
    };

    static final FieldRule OPTIONAL_COUNT = (v, p) -> Canonical.integer(Expect.nonNegative(v, p), v.location());

    static final FieldRule STRINGS = (v, p) -> nonEmpty(Canonical.strings(Expect.strings(v, p), v.location()));

    static final FieldRule TEXTS = (v, p) -> nonEmpty(Canonical.strings(Expect.texts(v, p), v.location()));

    /** A string or a list; a string that interpolates to nothing ({@code dns: ${UNSET}}) is no entry, not [""]. */
    static final FieldRule STRING_OR_LIST = (v, p) -> {
        boolean empty = v instanceof ScalarNode s
                && s.kind() == ScalarKind.STRING
                && s.text().isEmpty();
        return empty ? null : nonEmpty(Canonical.strings(Expect.stringOrList(v, p), v.location()));
    };

    static final FieldRule STRING_MAP = (v, p) -> {
        MapNode m = KeyValues.strings(v, p);
        return m.size() == 0 ? null : m;
    };

    static final FieldRule BYTES = (v, p) -> {
        ScalarNode s = VolumeSyntax.bytes(v, p);
        return s.text().equals("0") ? null : s;
    };

    static final FieldRule DURATION = SimpleRules::duration;

    static final FieldRule CPUS = (v, p) -> {
        float f = Expect.number(v, p);
        if (f < 0) {
            throw Expect.error(v, p, "must be greater than or equal to 0", "found " + v.kindName());
        }
        return f == 0 ? null : Canonical.float32(f, v.location());
    };

    static ScalarNode duration(Node v, YamlPath p) {
        String text = Expect.text(v, p);
        long nanos = Expect.parse(
                v, p, "write a duration such as 10s, 1m30s, 500ms or 1h", () -> GoDuration.parseNanos(text));
        if (nanos < 0) {
            throw Expect.error(
                    v,
                    p,
                    "invalid duration \"" + text + "\": must not be negative",
                    "write a duration such as 10s, 1m30s, 500ms or 1h");
        }
        return Canonical.string(GoDuration.format(nanos), v.location());
    }

    private static Node nonEmpty(dev.jcompose.yaml.SeqNode s) {
        return s.size() == 0 ? null : s;
    }

    static List<String> sortedCopy(List<String> in) {
        return in.stream().sorted().toList();
    }
}
