package dev.jcompose.console;

/** The string helpers docker's formatters use, reproduced for identical output. */
public final class GoText {
    private GoText() {}

    /** docker's {@code Ellipsis}: at most {@code max} code points, the last one {@code …} when cut. */
    public static String ellipsis(String s, int max) {
        if (max <= 0) {
            return "";
        }
        int length = s.codePointCount(0, s.length());
        if (length <= max) {
            return s;
        }
        if (max == 1) {
            return new String(Character.toChars(s.codePointAt(0)));
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** Go's {@code strconv.Quote}: double quotes, backslash escapes for quotes and control characters. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case 7 -> b.append("\\a");
                case 8 -> b.append("\\b");
                case 11 -> b.append("\\v");
                case 12 -> b.append("\\f");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        b.append(String.format("\\x%02x", cp));
                    } else if (Character.isISOControl(cp)) {
                        b.append(String.format("\\u%04x", cp));
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.append('"').toString();
    }
}
