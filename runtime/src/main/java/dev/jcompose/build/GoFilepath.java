package dev.jcompose.build;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The parts of Go's {@code path/filepath} (on Linux) whose exact behaviour Docker's COPY/ADD and
 * .dockerignore rules inherit. {@code Match}, which Docker uses for COPY/ADD sources: {@code *} is any run
 * of characters but {@code /}, {@code ?} one character but {@code /}, {@code [a-z]} / {@code [^a-z]} a
 * class (which may match {@code /}), {@code \} escapes the next character. A malformed pattern is an
 * error even when the name already failed to match, as in Go, so a typo never passes silently.
 */
final class GoFilepath {
    private GoFilepath() {}

    /** Thrown for a malformed pattern (Go's ErrBadPattern). */
    static final class BadPatternException extends IllegalArgumentException {
        BadPatternException(String pattern) {
            super("syntax error in pattern " + pattern);
        }
    }

    /** True when {@code name} matches {@code pattern}; throws {@link BadPatternException} when malformed. */
    static boolean matches(String pattern, String name) {
        if (!matchFrom(pattern, 0, name, 0)) {
            validate(pattern);
            return false;
        }
        return true;
    }

    /** Throws {@link BadPatternException} when {@code pattern} is malformed. */
    static void validate(String pattern) {
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '[') {
                i = parseClass(pattern, i, -1).end;
            } else if (c == '\\') {
                if (i + 1 >= pattern.length()) {
                    throw new BadPatternException(pattern);
                }
                i += 2;
            } else {
                i++;
            }
        }
    }

    /** True when the pattern has an unescaped {@code *}, {@code ?} or {@code [} (Docker's containsWildcards). */
    static boolean hasWildcards(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    /** Backtracking match: a star never consumes {@code /}. */
    private static boolean matchFrom(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') {
                    pi++;
                }
                for (int k = si; ; k = s.offsetByCodePoints(k, 1)) {
                    if (matchFrom(p, pi, s, k)) {
                        return true;
                    }
                    if (k >= s.length() || s.charAt(k) == '/') {
                        return false;
                    }
                }
            }
            if (si >= s.length()) {
                return false;
            }
            int cp = s.codePointAt(si);
            if (c == '?') {
                if (cp == '/') {
                    return false;
                }
                pi++;
            } else if (c == '[') {
                ClassMatch m = parseClass(p, pi, cp);
                if (!m.matched) {
                    return false;
                }
                pi = m.end;
            } else {
                if (c == '\\') {
                    pi++;
                    if (pi >= p.length()) {
                        throw new BadPatternException(p);
                    }
                }
                int pc = p.codePointAt(pi);
                if (pc != cp) {
                    return false;
                }
                pi += Character.charCount(pc);
            }
            si += Character.charCount(cp);
        }
        return si == s.length();
    }

    private record ClassMatch(boolean matched, int end) {}

    /** A parsed class: its inclusive code point ranges, whether negated, and the index after its {@code ]}. */
    record CharClass(boolean negated, List<int[]> ranges, int end) {
        boolean contains(int cp) {
            boolean in = ranges.stream().anyMatch(r -> r[0] <= cp && cp <= r[1]);
            return in != negated;
        }
    }

    private static ClassMatch parseClass(String p, int start, int cp) {
        CharClass c = charClass(p, start);
        return new ClassMatch(c.contains(cp), c.end());
    }

    /** Parses the class starting at {@code p[start] == '['} with Go's rules; throws when malformed. */
    static CharClass charClass(String p, int start) {
        int i = start + 1;
        boolean negated = i < p.length() && p.charAt(i) == '^';
        if (negated) {
            i++;
        }
        List<int[]> ranges = new ArrayList<>();
        while (true) {
            if (i < p.length() && p.charAt(i) == ']' && !ranges.isEmpty()) {
                return new CharClass(negated, List.copyOf(ranges), i + 1);
            }
            int[] lo = classChar(p, i);
            int hi = lo[0];
            i = lo[1];
            if (p.charAt(i) == '-') {
                int[] h = classChar(p, i + 1);
                hi = h[0];
                i = h[1];
            }
            ranges.add(new int[] {lo[0], hi});
        }
    }

    /**
     * Go's {@code path.Clean}: the shortest equivalent name, {@code .} and {@code ..} resolved lexically
     * ({@code ..} above a relative start is kept), no trailing slash; {@code "."} for an empty result.
     */
    static String clean(String path) {
        boolean rooted = path.startsWith("/");
        Deque<String> out = new ArrayDeque<>();
        for (String c : path.split("/")) {
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (!out.isEmpty() && !out.peekLast().equals("..")) {
                    out.pollLast();
                } else if (!rooted) {
                    out.addLast("..");
                }
                continue;
            }
            out.addLast(c);
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** One possibly escaped class character: {code point, next index}; something must follow it. */
    private static int[] classChar(String p, int i) {
        if (i >= p.length() || p.charAt(i) == '-' || p.charAt(i) == ']') {
            throw new BadPatternException(p);
        }
        if (p.charAt(i) == '\\') {
            i++;
            if (i >= p.length()) {
                throw new BadPatternException(p);
            }
        }
        int cp = p.codePointAt(i);
        int next = i + Character.charCount(cp);
        if (next >= p.length()) {
            throw new BadPatternException(p);
        }
        return new int[] {cp, next};
    }
}
