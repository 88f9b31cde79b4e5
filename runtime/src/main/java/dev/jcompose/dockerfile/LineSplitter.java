package dev.jcompose.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Docker's splitting of a logical line: the keyword, the leading {@code --flags} (quotes and escapes
 * removed, as BuildKit does before it reads them), the arguments; and its quote-keeping word split used by
 * ENV, LABEL and ARG (quotes stay until substitution removes them).
 */
final class LineSplitter {
    private LineSplitter() {}

    /** A logical line split into keyword, flags and the rest. */
    record Split(String keyword, List<String> flags, String rest) {}

    static Split split(String line, char escape) {
        String trimmed = line.strip();
        int blank = firstBlank(trimmed);
        if (blank < 0) {
            return new Split(trimmed, List.of(), "");
        }
        String keyword = trimmed.substring(0, blank);
        List<String> flags = new ArrayList<>();
        String rest = flags(trimmed.substring(blank), escape, flags);
        return new Split(keyword, flags, rest.strip());
    }

    private static int firstBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Collects the leading words starting with {@code --} into {@code flags}; returns what follows them. */
    private static String flags(String line, char escape, List<String> flags) {
        int pos = 0;
        while (true) {
            while (pos < line.length() && Character.isWhitespace(line.charAt(pos))) {
                pos++;
            }
            if (!line.startsWith("--", pos)) {
                return line.substring(pos);
            }
            var word = new StringBuilder();
            pos = flagWord(line, pos, escape, word);
            if (word.toString().equals("--")) {
                return line.substring(pos);
            }
            flags.add(word.toString());
        }
    }

    private static int flagWord(String line, int pos, char escape, StringBuilder word) {
        char quote = 0;
        for (; pos < line.length(); pos++) {
            char ch = line.charAt(pos);
            if (quote == 0 && Character.isWhitespace(ch)) {
                return pos;
            }
            if (quote == 0 && (ch == '"' || ch == '\'')) {
                quote = ch;
            } else if (quote != 0 && ch == quote) {
                quote = 0;
            } else if (ch == escape && pos + 1 < line.length()) {
                word.append(line.charAt(++pos));
            } else if (ch != escape) {
                word.append(ch);
            }
        }
        return pos;
    }

    /** Words at blanks outside quotes; quotes and escapes are kept for the substitution to interpret. */
    static List<String> quotedWords(String rest, char escape) {
        List<String> words = new ArrayList<>();
        var word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < rest.length(); i++) {
            char ch = rest.charAt(i);
            if (quote == 0 && Character.isWhitespace(ch)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            if (quote == 0 && (ch == '"' || ch == '\'')) {
                quote = ch;
            } else if (quote != 0 && ch == quote) {
                quote = 0;
            }
            if (ch == escape && quote != '\'' && i + 1 < rest.length()) {
                word.append(ch);
                ch = rest.charAt(++i);
            } else if (ch == escape && quote != '\'') {
                continue;
            }
            word.append(ch);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Words at runs of blanks, nothing interpreted (EXPOSE, FROM, shell-form COPY and VOLUME). */
    static List<String> blankWords(String rest) {
        String s = rest.strip();
        return s.isEmpty() ? List.of() : List.of(s.split("[\\t\\x0B\\f\\r ]+"));
    }
}
