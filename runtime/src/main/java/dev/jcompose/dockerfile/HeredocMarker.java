package dev.jcompose.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code <<NAME}, {@code <<-NAME} or {@code <<"NAME"} on an instruction line: the body follows the
 * instruction. A quoted name turns substitution in the body off.
 */
record HeredocMarker(String name, boolean chomp, boolean expand) {
    private static final Pattern MARKER = Pattern.compile("^(\\d*)<<(-?)\\s*([^<]*)$");

    /** The marker a single word is, or null (a word like {@code '<<EOF'} or {@code <<<} is none). */
    static HeredocMarker of(String word) {
        Matcher m = MARKER.matcher(word);
        if (!m.matches() || m.group(3).isEmpty()) {
            return null;
        }
        String rest = m.group(3);
        String name = unquote(rest);
        if (name == null || name.isEmpty()) {
            return null;
        }
        return new HeredocMarker(name, !m.group(2).isEmpty(), name.length() == rest.length());
    }

    /** The markers of a shell-form line, in order; quoted text is skipped, as the shell would. */
    static List<HeredocMarker> onLine(String line) {
        List<HeredocMarker> markers = new ArrayList<>();
        for (String word : rawWords(line)) {
            HeredocMarker marker = of(word);
            if (marker != null) {
                markers.add(marker);
            }
        }
        return markers;
    }

    /** Removes quotes (and escapes outside single quotes); null when it is not one word. */
    private static String unquote(String word) {
        var out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < word.length(); i++) {
            char ch = word.charAt(i);
            if (quote == 0 && Character.isWhitespace(ch)) {
                return null;
            }
            if (quote == 0 && (ch == '"' || ch == '\'')) {
                quote = ch;
            } else if (quote != 0 && ch == quote) {
                quote = 0;
            } else if (ch == '\\' && quote != '\'' && i + 1 < word.length()) {
                out.append(word.charAt(++i));
            } else {
                out.append(ch);
            }
        }
        return quote == 0 ? out.toString() : null;
    }

    /**
     * Splits at blanks outside quotes, keeping quotes, and keeps {@code << NAME} together (Docker allows
     * blanks after the {@code <<}).
     */
    private static List<String> rawWords(String line) {
        List<String> words = new ArrayList<>();
        var word = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quote == 0 && Character.isWhitespace(ch)) {
                boolean openMarker = word.toString().matches("\\d*<<-?");
                if (!openMarker && !word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                continue;
            }
            if (ch == '\\' && quote != '\'' && i + 1 < line.length()) {
                word.append(ch).append(line.charAt(++i));
                continue;
            }
            if (quote == 0 && (ch == '"' || ch == '\'')) {
                quote = ch;
            } else if (ch == quote) {
                quote = 0;
            }
            word.append(ch);
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }
}
