package dev.jcompose.environment;

/**
 * The escape sequences of a double-quoted env-file value, as compose-go expands them: {@code \a \b
 * \f \n \r \t \v \\ \"}, {@code \0ooo} (exactly three octal digits, at most 0377), and {@code \$},
 * which becomes {@code $$} so interpolation leaves a literal {@code $}. Any other backslash is kept
 * with the character after it ({@code \x41} stays as written).
 */
final class DoubleQuoteEscapes {
    private DoubleQuoteEscapes() {}

    /** The expanded text and, for each of its characters, where it was written in the file. */
    record Result(String text, int[] offsets) {}

    static Result expand(String s, int[] offsets) {
        StringBuilder out = new StringBuilder(s.length());
        DotEnvParser.OffsetList map = new DotEnvParser.OffsetList();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                map.add(offsets[i]);
                i++;
                continue;
            }
            char d = s.charAt(i + 1);
            int simple = simpleEscape(d);
            if (simple >= 0) {
                out.append((char) simple);
                map.add(offsets[i]);
                i += 2;
            } else if (d == '$') {
                out.append("$$");
                map.add(offsets[i]);
                map.add(offsets[i + 1]);
                i += 2;
            } else if (d == '0') {
                i = octal(s, i, offsets, out, map);
            } else {
                // Not an escape: the backslash stays and the next character is read normally.
                out.append(c);
                map.add(offsets[i]);
                i++;
            }
        }
        return new Result(out.toString(), map.toArray());
    }

    private static int simpleEscape(char d) {
        return switch (d) {
            case 'a' -> 0x07;
            case 'b' -> 0x08;
            case 'f' -> 0x0C;
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> 0x0B;
            case '"' -> '"';
            case '\\' -> '\\';
            default -> -1;
        };
    }

    /** {@code \0} plus up to three digits; decoded only when they are three octal digits <= 0377. */
    private static int octal(String s, int i, int[] offsets, StringBuilder out, DotEnvParser.OffsetList map) {
        int end = i + 2;
        while (end < s.length() && end < i + 5 && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
            end++;
        }
        String digits = s.substring(i + 2, end);
        if (digits.length() == 3 && digits.chars().allMatch(ch -> ch <= '7') && Integer.parseInt(digits, 8) <= 255) {
            out.append((char) Integer.parseInt(digits, 8));
            map.add(offsets[i]);
        } else {
            for (int k = i; k < end; k++) {
                out.append(s.charAt(k));
                map.add(offsets[k]);
            }
        }
        return end;
    }
}
