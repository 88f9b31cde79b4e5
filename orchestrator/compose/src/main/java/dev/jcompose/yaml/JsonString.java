package dev.jcompose.yaml;

/**
 * A string as a JSON string literal. The tree dumps and the Go-compatible {@code config --format json}
 * writer differ only in HTML escaping: Go's encoder escapes {@code < > &} and the JavaScript line
 * separators by default, so output compared with docker compose's needs them, plain dumps do not.
 */
public final class JsonString {
    private JsonString() {}

    /** Appends {@code text} quoted; {@code goHtmlEscape} adds Go's {@code \u003c}-style escapes. */
    public static void quote(String text, boolean goHtmlEscape, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '<', '>', '&', '\u2028', '\u2029' -> {
                    if (goHtmlEscape) {
                        unicode(c, sb);
                    } else {
                        sb.append(c);
                    }
                }
                default -> {
                    if (c < 0x20) {
                        unicode(c, sb);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** {@code text} quoted without HTML escaping. */
    public static String quote(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2);
        quote(text, false, sb);
        return sb.toString();
    }

    private static void unicode(char c, StringBuilder sb) {
        sb.append(String.format("\\u%04x", (int) c));
    }
}
