package dev.jcompose.yaml;

import java.util.regex.Pattern;

/**
 * Renders a {@link Node} tree as one compact, deterministic line, for golden tests and debug output:
 * {@code {services: {web: {image: "nginx", ports: ["8080:80", 443]}}}}. Strings are double-quoted,
 * other scalars keep their source text, tags are shown ({@code !reset}, {@code !override}). Field
 * order is the tree's own order; locations are not rendered.
 */
public final class TreeText {
    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_./-]+");

    private TreeText() {}

    public static String render(Node node) {
        StringBuilder sb = new StringBuilder();
        append(sb, node);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Node node) {
        switch (node.tag()) {
            case RESET -> sb.append("!reset ");
            case OVERRIDE -> sb.append("!override ");
            case NONE -> {}
        }
        switch (node) {
            case MapNode map -> {
                sb.append('{');
                for (int i = 0; i < map.fields().size(); i++) {
                    MapNode.Field f = map.fields().get(i);
                    if (i > 0) {
                        sb.append(", ");
                    }
                    sb.append(BARE_KEY.matcher(f.key()).matches() ? f.key() : JsonString.quote(f.key()))
                            .append(": ");
                    append(sb, f.value());
                }
                sb.append('}');
            }
            case SeqNode seq -> {
                sb.append('[');
                for (int i = 0; i < seq.items().size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    append(sb, seq.items().get(i));
                }
                sb.append(']');
            }
            case ScalarNode s ->
                sb.append(
                        switch (s.kind()) {
                            case STRING -> JsonString.quote(s.text());
                            case NULL -> "null";
                            default -> s.text();
                        });
        }
    }
}
