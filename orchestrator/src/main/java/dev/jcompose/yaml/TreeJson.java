package dev.jcompose.yaml;

/**
 * Renders a node tree as compact JSON, keys in tree order. Numbers and booleans are written as
 * their scalar text, so a canonical tree (see {@code dev.jcompose.schema}) renders exactly as
 * {@code docker compose config --format json} would, minus whitespace.
 */
public final class TreeJson {
    private TreeJson() {
    }

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
                    quote(f.key(), sb);
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
            case ScalarNode s -> scalar(s, sb);
        }
    }

    private static void scalar(ScalarNode s, StringBuilder sb) {
        switch (s.kind()) {
            case NULL -> sb.append("null");
            case INT, FLOAT -> sb.append(s.text());
            case BOOL -> sb.append(Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT)));
            case STRING -> quote(s.text(), sb);
        }
    }

    private static void quote(String text, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
