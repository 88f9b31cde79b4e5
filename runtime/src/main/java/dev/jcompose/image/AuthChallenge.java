package dev.jcompose.image;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One challenge of an HTTP {@code WWW-Authenticate} header (RFC 7235), e.g.
 * {@code Bearer realm="https://auth.example/token",service="registry",scope="repository:a:pull"}.
 *
 * @param scheme lowercase ({@code bearer}, {@code basic})
 * @param params parameter names lowercase, values unquoted
 */
public record AuthChallenge(String scheme, SortedMap<String, String> params) {
    public AuthChallenge {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    public String param(String name) {
        return params.getOrDefault(name, "");
    }

    /** Parses every challenge in a header value; malformed trailing input is ignored, not guessed at. */
    public static List<AuthChallenge> parse(String header) {
        List<AuthChallenge> out = new ArrayList<>();
        Cursor c = new Cursor(header == null ? "" : header);
        while (c.skipSeparators()) {
            String scheme = c.token();
            if (scheme.isEmpty()) {
                break;
            }
            SortedMap<String, String> params = new TreeMap<>();
            while (true) {
                int mark = c.pos;
                c.skipSeparators();
                String name = c.token();
                c.skipSpaces();
                if (name.isEmpty() || !c.consume('=')) {
                    c.pos = mark; // a new scheme (or the end) starts here
                    break;
                }
                c.skipSpaces();
                params.put(name.toLowerCase(Locale.ROOT), c.peek() == '"' ? c.quoted() : c.token());
            }
            out.add(new AuthChallenge(scheme.toLowerCase(Locale.ROOT), params));
        }
        return out;
    }

    private static final class Cursor {
        private final String s;
        private int pos;

        Cursor(String s) {
            this.s = s;
        }

        char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        boolean consume(char ch) {
            if (peek() == ch) {
                pos++;
                return true;
            }
            return false;
        }

        void skipSpaces() {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
                pos++;
            }
        }

        /** Skips spaces and commas; true if input remains. */
        boolean skipSeparators() {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t' || s.charAt(pos) == ',')) {
                pos++;
            }
            return pos < s.length();
        }

        String token() {
            int start = pos;
            while (pos < s.length() && "()<>@,;:\\\"/[]?={} \t".indexOf(s.charAt(pos)) < 0) {
                pos++;
            }
            // token68 values (Basic credentials, base64) may end in '=' padding
            return s.substring(start, pos);
        }

        String quoted() {
            StringBuilder sb = new StringBuilder();
            pos++; // opening quote
            while (pos < s.length() && s.charAt(pos) != '"') {
                if (s.charAt(pos) == '\\' && pos + 1 < s.length()) {
                    pos++;
                }
                sb.append(s.charAt(pos++));
            }
            if (pos < s.length()) {
                pos++; // closing quote
            }
            return sb.toString();
        }
    }
}
