package dev.jcompose.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Converts a located YAML tree to a Jackson tree, typing scalars by their {@link ScalarKind}: ints
 * (YAML 1.2 core forms {@code 0x1F}, {@code 0o17} included) become JSON integers, floats JSON numbers,
 * booleans and nulls their JSON counterparts. Key order is kept. Locations are dropped: callers that
 * need them for an error map the failing path back with {@link #locate}.
 */
public final class TreeJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private TreeJson() {}

    public static JsonNode toJson(Node node) {
        return switch (node) {
            case MapNode map -> {
                ObjectNode obj = NODES.objectNode();
                map.fields().forEach(f -> obj.set(f.key(), toJson(f.value())));
                yield obj;
            }
            case SeqNode seq -> {
                ArrayNode arr = NODES.arrayNode();
                seq.items().forEach(i -> arr.add(toJson(i)));
                yield arr;
            }
            case ScalarNode s -> scalar(s);
        };
    }

    static JsonNode scalar(ScalarNode s) {
        return switch (s.kind()) {
            case NULL -> NODES.nullNode();
            case STRING -> NODES.textNode(s.text());
            case BOOL -> NODES.booleanNode(s.text().equalsIgnoreCase("true"));
            case INT -> integer(s.text());
            case FLOAT -> floating(s.text());
        };
    }

    private static JsonNode integer(String text) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        if (negative || t.startsWith("+")) {
            t = t.substring(1);
        }
        BigInteger value;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            value = new BigInteger(t.substring(2), 16);
        } else if (t.startsWith("0o") || t.startsWith("0O")) {
            value = new BigInteger(t.substring(2), 8);
        } else {
            value = new BigInteger(t);
        }
        value = negative ? value.negate() : value;
        // Same node types a JSON parser would produce, so bound values compare equal either way.
        if (value.bitLength() < 32) {
            return NODES.numberNode(value.intValue());
        }
        return value.bitLength() < 64 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
    }

    private static JsonNode floating(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.endsWith(".inf") || t.endsWith(".nan")) {
            // JSON has no infinities; keep the YAML spelling rather than invent a number.
            return NODES.textNode(text);
        }
        return NODES.numberNode(new BigDecimal(text).doubleValue());
    }

    /**
     * The node at a Jackson-style path (keys and indexes) in {@code root}, or the deepest node that
     * exists on the way, so an error can still point somewhere close.
     */
    public static Node locate(Node root, YamlPath path) {
        Node current = root;
        for (int i = 0; i < path.depth(); i++) {
            Object seg = path.segment(i);
            Node next = null;
            if (seg instanceof String key && current instanceof MapNode map) {
                next = map.get(key).orElse(null);
            } else if (seg instanceof Integer idx && current instanceof SeqNode seq && idx < seq.size()) {
                next = seq.get(idx);
            }
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    /**
     * Compact JSON text of a tree, keys in tree order, numbers and booleans written as their scalar
     * text: a canonical tree renders as {@code docker compose config --format json} would, minus
     * whitespace. For golden tests and messages; {@link #toJson} is for binding.
     */
    public static String render(Node node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb);
        return sb.toString();
    }

    private static void write(Node node, StringBuilder sb) {
        switch (node) {
            case MapNode m -> {
                sb.append('{');
                boolean first = true;
                for (MapNode.Field f : m.fields()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    JsonString.quote(f.key(), false, sb);
                    sb.append(':');
                    write(f.value(), sb);
                }
                sb.append('}');
            }
            case SeqNode s -> {
                sb.append('[');
                for (int i = 0; i < s.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    write(s.get(i), sb);
                }
                sb.append(']');
            }
            case ScalarNode s -> writeScalar(s, sb);
        }
    }

    private static void writeScalar(ScalarNode s, StringBuilder sb) {
        switch (s.kind()) {
            case NULL -> sb.append("null");
            case INT, FLOAT -> sb.append(s.text());
            case BOOL -> sb.append(Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT)));
            case STRING -> JsonString.quote(s.text(), false, sb);
        }
    }
}
