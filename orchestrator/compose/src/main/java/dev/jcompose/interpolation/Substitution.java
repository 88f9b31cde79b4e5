package dev.jcompose.interpolation;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The interpolation engine: expands {@code $VAR}, {@code ${VAR}}, the six {@code ${VAR<op>arg}}
 * forms and {@code $$} in one string, with compose-go's exact semantics.
 *
 * <p>compose-go matches {@code \$(?i:(\$)|([_a-z][_a-z0-9]*)|\{(?:([_a-z][_a-z0-9]*(?::?[-+?](.*))?)}|()))}
 * and then cuts a braced match at its first balanced closing brace. This scanner reproduces that,
 * including the corners users can observe:
 * <ul>
 *   <li>a {@code $} not followed by {@code $}, a name or {@code {} is kept literally ({@code "$1"},
 *       {@code "a $ b"}, {@code "^x$"});</li>
 *   <li>any {@code ${} that is not a well-formed braced expression is an error;</li>
 *   <li>the argument of an operator runs to a balanced {@code }}, where every {@code {} opens a
 *       level (compose-go's counter also skips the character after each {@code {}), falling back
 *       to the last {@code }} of the line; an expression never spans lines ({@code .} in RE2);</li>
 *   <li>defaults, alternatives and error messages are expanded lazily, only when used, so an
 *       error inside an unused branch is not reported (as compose-go).</li>
 * </ul>
 * Unset variables referenced without an operator expand to "" and produce compose's warning.
 */
public final class Substitution {
    /** Nesting deeper than this is refused: no real file needs it, and a hostile one must not overflow the stack. */
    static final int MAX_DEPTH = 64;

    private final Function<String, Optional<String>> lookup;
    private final Consumer<String> warnings;
    private int depth;

    /**
     * @param lookup   a variable's value, or empty when it is unset
     * @param warnings receives {@code The "X" variable is not set. Defaulting to a blank string.}
     */
    public Substitution(Function<String, Optional<String>> lookup, Consumer<String> warnings) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /** Expands {@code text}; throws {@link InterpolationException} with the offset of the bad {@code $}. */
    public String expand(String text) {
        return expand(text, 0, text.length());
    }

    private String expand(String t, int from, int to) {
        int firstDollar = t.indexOf('$', from);
        if (firstDollar < 0 || firstDollar >= to) {
            return t.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            char c = t.charAt(i);
            if (c != '$' || i + 1 >= to) {
                out.append(c);
                i++;
                continue;
            }
            char next = t.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (isNameStart(next)) {
                int end = nameEnd(t, i + 1, to);
                out.append(plain(t.substring(i + 1, end)));
                i = end;
            } else if (next == '{') {
                i = braced(t, i, to, out);
            } else {
                out.append('$');
                i++;
            }
        }
        return out.toString();
    }

    /** Expands the braced expression starting at {@code start} ("${"); returns the index after it. */
    private int braced(String t, int start, int to, StringBuilder out) {
        int nameStart = start + 2;
        if (nameStart >= to || !isNameStart(t.charAt(nameStart))) {
            throw InterpolationException.invalid(start);
        }
        int nameEnd = nameEnd(t, nameStart, to);
        String name = t.substring(nameStart, nameEnd);
        if (nameEnd < to && t.charAt(nameEnd) == '}') {
            out.append(plain(name));
            return nameEnd + 1;
        }
        boolean colon = nameEnd < to && t.charAt(nameEnd) == ':';
        int op = colon ? nameEnd + 1 : nameEnd;
        if (op >= to || "-+?".indexOf(t.charAt(op)) < 0) {
            throw InterpolationException.invalid(start);
        }
        int close = closingBrace(t, start, op, to);
        out.append(operator(t, start, name, colon, t.charAt(op), op + 1, close));
        return close + 1;
    }

    /**
     * Where the operator expression starting at {@code start} ends. compose-go's regex takes the
     * text up to the last {@code }} of the line, then cuts it at the first {@code }} that brings
     * the count of {@code {} back to zero (its counter skips the character after each {@code {});
     * when none does, the last {@code }} ends it. Scanning forward gives the same answer in one
     * pass over the line.
     */
    private static int closingBrace(String t, int start, int op, int to) {
        int open = 0;
        int i = start;
        for (; i < to && t.charAt(i) != '\n'; i++) {
            char c = t.charAt(i);
            if (c == '}' && --open == 0) {
                return i;
            }
            if (c == '{') {
                open++;
                i++; // compose-go skips the character after '{'
                if (i < to && t.charAt(i) == '\n') {
                    break;
                }
            }
        }
        int lastBrace = t.lastIndexOf('}', Math.min(i, to) - 1);
        if (lastBrace <= op) {
            throw InterpolationException.invalid(start);
        }
        return lastBrace;
    }

    private String operator(String t, int start, String name, boolean colon, char op, int argFrom, int argTo) {
        Optional<String> value = lookup.apply(name);
        boolean usable = value.isPresent() && (!colon || !value.get().isEmpty());
        return switch (op) {
            case '-' -> usable ? value.get() : nested(t, argFrom, argTo, start);
            case '+' -> usable ? nested(t, argFrom, argTo, start) : value.orElse("");
            default -> {
                if (!usable) {
                    throw InterpolationException.missing(start, name, nested(t, argFrom, argTo, start));
                }
                yield value.get();
            }
        };
    }

    /** Expands an operator's argument, one level deeper. */
    private String nested(String t, int from, int to, int start) {
        if (++depth > MAX_DEPTH) {
            throw InterpolationException.tooDeep(start, MAX_DEPTH);
        }
        try {
            return expand(t, from, to);
        } finally {
            depth--;
        }
    }

    private String plain(String name) {
        Optional<String> value = lookup.apply(name);
        if (value.isEmpty()) {
            warnings.accept("The \"" + name + "\" variable is not set. Defaulting to a blank string.");
            return "";
        }
        return value.get();
    }

    private static int nameEnd(String t, int from, int to) {
        int i = from + 1;
        while (i < to && isNameChar(t.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isNameChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    /**
     * Go's {@code %q} for the strings we quote in messages: backslash, quote and control characters
     * escaped, everything printable kept as is.
     */
    public static String quoted(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 0x07 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case 0x0B -> sb.append("\\v");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        sb.append(String.format("\\x%02x", cp));
                    } else if (Character.isISOControl(cp)) {
                        sb.append(String.format("\\u%04x", cp));
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
        return sb.append('"').toString();
    }
}
