package dev.jcompose.environment;

/**
 * The character classes compose-go's dotenv parser uses, named after Go's functions so the parser
 * can be checked against it line by line.
 */
final class DotEnvChars {
    private DotEnvChars() {}

    /** Go's {@code unicode.IsSpace}: ASCII blanks and line breaks, NEL, NBSP and Unicode's White_Space. */
    static boolean isGoSpace(int cp) {
        return switch (cp) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
            default ->
                cp > 0xFF && (Character.getType(cp) == Character.SPACE_SEPARATOR || cp == 0x2028 || cp == 0x2029);
        };
    }

    /** The dotenv parser's {@code isSpace}: a blank that does not end a line. */
    static boolean isBlank(int cp) {
        return switch (cp) {
            case '\t', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
            default -> false;
        };
    }

    /** A character a variable name may hold: a letter, a number, or one of {@code _ . - [ ]}. */
    static boolean isKeyChar(int cp) {
        if (cp == '_' || cp == '.' || cp == '-' || cp == '[' || cp == ']' || Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** Go's {@code strings.TrimRightFunc(s, unicode.IsSpace)}. */
    static String trimRight(String s) {
        int end = s.length();
        while (end > 0) {
            int cp = s.codePointBefore(end);
            if (!isGoSpace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(0, end);
    }
}
