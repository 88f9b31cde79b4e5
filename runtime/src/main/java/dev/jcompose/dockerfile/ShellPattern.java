package dev.jcompose.dockerfile;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The shell patterns of {@code ${x#p}}, {@code ${x%p}} and {@code ${x/p/r}}: {@code *}, {@code ?}, escapes. */
final class ShellPattern {
    private ShellPattern() {}

    /** {@code ${x#p}}/{@code ${x##p}} (prefix) or {@code ${x%p}}/{@code ${x%%p}}: the doubled form is greedy. */
    static String trim(String value, String word, boolean prefix, Function<String, DockerfileException> fail) {
        char op = prefix ? '#' : '%';
        boolean greedy = !word.isEmpty() && word.charAt(0) == op;
        String pattern = greedy ? word.substring(1) : word;
        if (prefix) {
            return trimPrefix(value, pattern, greedy, fail);
        }
        // a suffix match is a prefix match on the reversed strings, which keeps one matcher for both
        String reversed = trimPrefix(reverse(value), reversePattern(pattern), greedy, fail);
        return reverse(reversed);
    }

    static String replace(
            String value, String pattern, String replacement, boolean all, Function<String, DockerfileException> fail) {
        Matcher m = compile(pattern, true, false, fail).matcher(value);
        String quoted = Matcher.quoteReplacement(replacement);
        return all ? m.replaceAll(quoted) : m.replaceFirst(quoted);
    }

    private static String trimPrefix(
            String value, String pattern, boolean greedy, Function<String, DockerfileException> fail) {
        Matcher m = compile(pattern, greedy, true, fail).matcher(value);
        return m.lookingAt() ? value.substring(m.end()) : value;
    }

    private static Pattern compile(
            String pattern, boolean greedy, boolean anchored, Function<String, DockerfileException> fail) {
        var out = new StringBuilder(anchored ? "^" : "");
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '*') {
                out.append(greedy ? ".*" : ".*?");
            } else if (ch == '?') {
                out.append('.');
            } else if (ch == '\\' && i + 1 < pattern.length()) {
                char next = pattern.charAt(++i);
                if (next != '*' && next != '?' && next != '\\' && next != '}' && next != '/') {
                    throw fail.apply(
                            "invalid pattern (" + pattern + ") in substitution: invalid escape '\\" + next + "'");
                }
                out.append(Pattern.quote(String.valueOf(next)));
            } else {
                out.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        try {
            return Pattern.compile(out.toString(), Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw fail.apply("invalid pattern (" + pattern + ") in substitution: " + e.getDescription());
        }
    }

    private static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    /** Reverses a pattern keeping each escape before the character it escapes. */
    private static String reversePattern(String pattern) {
        var out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '\\' && i + 1 < pattern.length()) {
                out.insert(0, "\\" + pattern.charAt(++i));
            } else {
                out.insert(0, ch);
            }
        }
        return out.toString();
    }
}
