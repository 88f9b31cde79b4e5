package dev.jcompose.build;

import java.util.regex.Pattern;

/**
 * One cleaned .dockerignore (or {@code --exclude}) pattern, matched the way Docker's patternmatcher does:
 * {@code *} and {@code ?} stay within one name, {@code **} spans any number of directories ({@code **}
 * first is a suffix match, {@code dir/**} a prefix match), classes and {@code \} escapes as in Go's
 * {@code filepath.Match}. Plain names compare exactly.
 */
final class IgnorePattern {
    private enum Kind {
        EXACT,
        PREFIX,
        SUFFIX,
        REGEX
    }

    private final String cleaned;
    private final boolean exception;
    private final Kind kind;
    private final Pattern regex;

    IgnorePattern(String cleaned, boolean exception) {
        this.cleaned = cleaned;
        this.exception = exception;
        StringBuilder re = new StringBuilder();
        this.kind = compile(cleaned, re);
        this.regex = kind == Kind.REGEX ? Pattern.compile(re.toString()) : null;
    }

    String text() {
        return cleaned;
    }

    boolean exception() {
        return exception;
    }

    /** True when the pattern has no wildcard at all (a literal path or prefix). */
    boolean literal() {
        return kind == Kind.EXACT;
    }

    boolean matches(String path) {
        return switch (kind) {
            case EXACT -> path.equals(cleaned);
            case PREFIX -> path.startsWith(cleaned.substring(0, cleaned.length() - 2));
            case SUFFIX -> {
                String suffix = cleaned.substring(2);
                yield path.endsWith(suffix) || (suffix.startsWith("/") && path.equals(suffix.substring(1)));
            }
            case REGEX -> regex.matcher(path).matches();
        };
    }

    /** Translates to a regular expression, deciding on the way which cheaper kind of match suffices. */
    private static Kind compile(String p, StringBuilder re) {
        Kind kind = Kind.EXACT;
        int i = 0;
        for (int token = 0; i < p.length(); token++) {
            int c = p.codePointAt(i);
            i += Character.charCount(c);
            if (c == '*' && i < p.length() && p.charAt(i) == '*') {
                i++;
                if (i < p.length() && p.charAt(i) == '/') {
                    i++;
                }
                if (i >= p.length()) {
                    if (kind == Kind.EXACT) {
                        kind = Kind.PREFIX;
                    } else {
                        re.append(".*");
                        kind = Kind.REGEX;
                    }
                } else {
                    re.append("(?:.*/)?");
                    kind = Kind.REGEX;
                }
                if (token == 0) {
                    kind = Kind.SUFFIX;
                }
            } else if (c == '*') {
                re.append("[^/]*");
                kind = Kind.REGEX;
            } else if (c == '?') {
                re.append("[^/]");
                kind = Kind.REGEX;
            } else if (c == '\\' && i < p.length()) {
                int next = p.codePointAt(i);
                i += Character.charCount(next);
                literal(re, next);
                kind = Kind.REGEX;
            } else if (c == '[') {
                GoFilepath.CharClass cls = GoFilepath.charClass(p, i - 1);
                re.append(cls.negated() ? "[^" : "[");
                for (int[] r : cls.ranges()) {
                    literal(re, r[0]);
                    if (r[1] != r[0]) {
                        re.append('-');
                        literal(re, r[1]);
                    }
                }
                re.append(']');
                i = cls.end();
                kind = Kind.REGEX;
            } else {
                if (c == ']') {
                    kind = Kind.REGEX;
                }
                literal(re, c);
            }
        }
        return kind;
    }

    private static void literal(StringBuilder re, int cp) {
        if (Character.isLetterOrDigit(cp)) {
            re.appendCodePoint(cp);
        } else {
            re.append("\\x{").append(Integer.toHexString(cp)).append('}');
        }
    }
}
