package dev.jcompose.schema;

import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarKind;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import dev.jcompose.yaml.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Type checks of raw values, with compose's wording ({@code must be a string}, {@code must be a
 * mapping}...). Strings that read as numbers or booleans are accepted where a number or boolean is
 * expected, because interpolation turns {@code ${REPLICAS}} into a string.
 */
public final class Expect {
    private static final Set<String> TRUE = Set.of("true", "True", "TRUE", "t", "T", "1");
    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Set<String> FALSE = Set.of("false", "False", "FALSE", "f", "F", "0");

    private Expect() {}

    public static ComposeFileException error(Node at, YamlPath path, String problem, String hint) {
        return new ComposeFileException(at.location(), path, problem, hint);
    }

    private static ComposeFileException type(Node at, YamlPath path, String expected) {
        return error(at, path, "must be " + expected, "found " + at.kindName());
    }

    /** Runs a parser that reports problems as IllegalArgumentException messages. */
    public static <T> T parse(Node at, YamlPath path, String hint, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw error(at, path, e.getMessage(), hint);
        }
    }

    public static MapNode map(Node n, YamlPath path) {
        if (n instanceof MapNode m) {
            return m;
        }
        throw type(n, path, "a mapping");
    }

    public static SeqNode seq(Node n, YamlPath path) {
        if (n instanceof SeqNode s) {
            return s;
        }
        throw type(n, path, "a list");
    }

    public static String string(Node n, YamlPath path) {
        if (n instanceof ScalarNode s && s.kind() == ScalarKind.STRING) {
            return s.text();
        }
        throw type(n, path, "a string");
    }

    /** A string or a number, as text. */
    public static String text(Node n, YamlPath path) {
        if (n instanceof ScalarNode s
                && (s.kind() == ScalarKind.STRING || s.kind() == ScalarKind.INT || s.kind() == ScalarKind.FLOAT)) {
            return s.text();
        }
        throw type(n, path, "a string or a number");
    }

    /** A scalar of any non-null type as text (environment and label values). */
    public static String scalarText(Node n, YamlPath path) {
        if (n instanceof ScalarNode s && !s.isNull()) {
            return GoPrint.sprint(s);
        }
        throw type(n, path, "a string, a number or a boolean");
    }

    public static boolean bool(Node n, YamlPath path) {
        if (n instanceof ScalarNode s && (s.kind() == ScalarKind.BOOL || s.kind() == ScalarKind.STRING)) {
            if (TRUE.contains(s.text())) {
                return true;
            }
            if (FALSE.contains(s.text())) {
                return false;
            }
        }
        throw type(n, path, "a boolean");
    }

    public static long integer(Node n, YamlPath path) {
        if (n instanceof ScalarNode s && (s.kind() == ScalarKind.INT || s.kind() == ScalarKind.STRING)) {
            Long v = parseInteger(s.text());
            if (v != null) {
                return v;
            }
        }
        throw type(n, path, "an integer");
    }

    public static long nonNegative(Node n, YamlPath path) {
        long v = integer(n, path);
        if (v < 0) {
            throw error(n, path, "must be greater than or equal to 0", "found " + v);
        }
        return v;
    }

    /** Decimal (with sign), {@code 0x} hex and {@code 0o} octal, as YAML 1.2 writes integers; null if not one. */
    public static Long parseInteger(String text) {
        String t = text.trim();
        try {
            if (t.startsWith("0x")) {
                return Long.parseLong(t.substring(2), 16);
            }
            if (t.startsWith("0o")) {
                return Long.parseLong(t.substring(2), 8);
            }
            return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static float number(Node n, YamlPath path) {
        if (n instanceof ScalarNode s
                && (s.kind() == ScalarKind.INT || s.kind() == ScalarKind.FLOAT || s.kind() == ScalarKind.STRING)) {
            try {
                String t = s.text().trim();
                float f = Float.parseFloat(t);
                if (Float.isFinite(f) && DECIMAL.matcher(t).matches()) {
                    return f;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw error(n, path, "must be a number", "write a decimal number such as 0.5 or 2");
    }

    /** A list of strings. */
    public static List<String> strings(Node n, YamlPath path) {
        SeqNode seq = seq(n, path);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < seq.size(); i++) {
            out.add(string(seq.get(i), path.index(i)));
        }
        return out;
    }

    /** A list of strings or numbers, as text. */
    public static List<String> texts(Node n, YamlPath path) {
        SeqNode seq = seq(n, path);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < seq.size(); i++) {
            out.add(text(seq.get(i), path.index(i)));
        }
        return out;
    }

    /** A string (one item) or a list of strings. */
    public static List<String> stringOrList(Node n, YamlPath path) {
        if (n instanceof ScalarNode s && s.kind() == ScalarKind.STRING) {
            return List.of(s.text());
        }
        if (n instanceof SeqNode) {
            return strings(n, path);
        }
        throw type(n, path, "a string or a list of strings");
    }

    /**
     * A file mode: an integer ({@code 0440} and {@code 0o440} read as octal, as go-yaml does) or a
     * string of octal digits.
     */
    public static long fileMode(Node n, YamlPath path) {
        if (n instanceof ScalarNode s && (s.kind() == ScalarKind.INT || s.kind() == ScalarKind.STRING)) {
            String t = s.text().trim();
            try {
                if (s.kind() == ScalarKind.STRING
                        || t.startsWith("0o")
                        || (t.length() > 1 && t.startsWith("0") && !t.startsWith("0x"))) {
                    return Long.parseLong(t.startsWith("0o") ? t.substring(2) : t, 8);
                }
                Long v = parseInteger(t);
                if (v != null) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw error(n, path, "must be a file mode", "write it in octal, e.g. 0440");
    }
}
