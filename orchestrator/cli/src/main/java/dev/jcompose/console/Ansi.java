package dev.jcompose.console;

import java.util.regex.Pattern;

/**
 * ANSI escape sequences as compose emits them: SGR colours ({@code ESC[36m ... ESC[0m}) and the
 * cursor moves the tty progress view redraws with. Colour is applied only when enabled, so one code
 * path serves {@code --ansi always} and {@code --ansi never}.
 */
public record Ansi(boolean enabled) {
    public static final String RESET = "\033[0m";
    public static final String RED = "31";
    public static final String GREEN = "32";
    public static final String YELLOW = "33";
    public static final String BLUE = "34";
    public static final String CYAN = "36";
    public static final String BOLD_RED = "31;1";
    public static final String BOLD_YELLOW = "33;1";
    public static final String HIDE_CURSOR = "\033[?25l";
    public static final String SHOW_CURSOR = "\033[?25h";
    /** Carriage return and erase the line: compose prefixes status lines with it (goterm RESET_LINE). */
    public static final String RESET_LINE = "\r\033[K";

    private static final Pattern ESCAPES = Pattern.compile("\033\\[[0-9;?]*[A-Za-z]");

    /** {@code text} wrapped in the SGR code, or unchanged when colour is off. */
    public String apply(String code, String text) {
        return enabled ? "\033[" + code + "m" + text + RESET : text;
    }

    public static String cursorUp(int lines) {
        return "\033[" + lines + "A";
    }

    /** {@code text} without escape sequences: what the terminal shows. */
    public static String strip(String text) {
        return ESCAPES.matcher(text).replaceAll("");
    }

    /** Columns {@code text} takes on screen: code points outside escape sequences. */
    public static int width(String text) {
        String plain = strip(text);
        return plain.codePointCount(0, plain.length());
    }
}
