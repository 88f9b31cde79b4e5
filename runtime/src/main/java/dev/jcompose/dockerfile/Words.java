package dev.jcompose.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Docker's shell-word lexer ({@code $x}, {@code ${x}}, {@code ${x:-w}}, {@code ${x-w}}, {@code ${x:+w}},
 * {@code ${x+w}}, {@code ${x:?w}}, {@code ${x#p}}, {@code ${x%p}}, {@code ${x/p/r}}, quotes and escapes) applied
 * to one word: the result is a single string, never split. Words are held in backslash-escape form (the parser
 * rewrites a backtick-escaped file's words, see {@link #toBackslashEscape}), so this lexer needs no escape token.
 */
public final class Words {
    private static final char ESCAPE = '\\';
    private static final int EOF = -1;

    private final String src;
    private final Function<String, String> variables;
    private final boolean quotes;
    private final SourceLine at;
    private Fields fields;
    private int pos;

    private Words(String src, Function<String, String> variables, boolean quotes, SourceLine at) {
        this.src = src;
        this.variables = variables;
        this.quotes = quotes;
        this.at = at;
    }

    /** One word with quotes removed, escapes applied and variables substituted (unset = empty). */
    public static String expand(String word, Function<String, String> variables, SourceLine at) {
        if (word == null) {
            return null;
        }
        return new Words(word, variables, true, at).until(EOF, false);
    }

    /**
     * One word substituted and then split at blanks where the shell would split it (EXPOSE does this, so
     * {@code EXPOSE $PORTS} with {@code PORTS="80 443"} exposes two ports); quoted and escaped text is
     * never split.
     */
    public static List<String> expandToFields(String word, Function<String, String> variables, SourceLine at) {
        var words = new Words(word, variables, true, at);
        words.fields = new Fields();
        words.until(EOF, false);
        return words.fields.done();
    }

    /** Each word expanded on its own. */
    public static List<String> expandAll(List<String> words, Function<String, String> variables, SourceLine at) {
        return words.stream().map(w -> expand(w, variables, at)).toList();
    }

    /** A heredoc's body: variables and escapes only; quotes are content (Docker lexes it the same way). */
    public static String expandHeredoc(String content, Function<String, String> variables, SourceLine at) {
        return new Words(content, variables, false, at).until(EOF, false);
    }

    /**
     * Rewrites a word written with the backtick escape into the backslash form {@link #expand} reads, so
     * the model need not carry the escape token. Single-quoted text is copied as is (no escapes there).
     */
    public static String toBackslashEscape(String word, char escape) {
        if (escape == ESCAPE || word == null) {
            return word;
        }
        var out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < word.length(); i++) {
            char ch = word.charAt(i);
            if (quote == '\'') {
                quote = ch == '\'' ? 0 : quote;
                out.append(ch);
            } else if (ch == escape && i + 1 == word.length()) {
                break; // a trailing escape escapes nothing and is dropped, as by Docker's lexer
            } else if (ch == escape && escapes(quote, word.charAt(i + 1), escape)) {
                char next = word.charAt(++i);
                out.append(next == ESCAPE ? "\\\\" : "\\" + next);
            } else if (ch == escape) {
                out.append(ch); // inside double quotes it only escapes ", $ and itself: else a literal
            } else if (ch == ESCAPE) {
                out.append("\\\\");
            } else {
                if (ch == '"' || (ch == '\'' && quote == 0)) {
                    quote = quote == 0 ? ch : 0;
                }
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static boolean escapes(char quote, char next, char escape) {
        return quote == 0 || next == '"' || next == '$' || next == escape;
    }

    private int peek() {
        return pos < src.length() ? src.charAt(pos) : EOF;
    }

    private int next() {
        return pos < src.length() ? src.charAt(pos++) : EOF;
    }

    /** Reads up to {@code stop} (consumed) or the end; rawEscapes keeps escapes for a pattern to read. */
    private String until(int stop, boolean rawEscapes) {
        var out = new StringBuilder();
        while (peek() != EOF) {
            int ch = peek();
            if (stop != EOF && ch == stop) {
                pos++;
                return out.toString();
            }
            Fields collect = stop == EOF ? fields : null;
            if (ch == '$') {
                out.append(Fields.split(collect, dollar()));
            } else if (quotes && ch == '\'') {
                out.append(Fields.raw(collect, singleQuoted()));
            } else if (quotes && ch == '"') {
                out.append(Fields.raw(collect, doubleQuoted()));
            } else {
                pos++;
                boolean escaped = ch == ESCAPE;
                if (escaped) {
                    if (rawEscapes) {
                        out.append(ESCAPE);
                    }
                    ch = next();
                    if (ch == EOF) {
                        break;
                    }
                }
                String text = String.valueOf((char) ch);
                out.append(escaped ? Fields.raw(collect, text) : Fields.split(collect, text));
            }
        }
        if (stop != EOF) {
            throw fail("unexpected end of statement while looking for matching " + (char) stop);
        }
        return out.toString();
    }

    private String singleQuoted() {
        pos++;
        int end = src.indexOf('\'', pos);
        if (end < 0) {
            throw fail("unexpected end of statement while looking for matching single-quote");
        }
        String text = src.substring(pos, end);
        pos = end + 1;
        return text;
    }

    private String doubleQuoted() {
        pos++;
        var out = new StringBuilder();
        while (true) {
            int ch = peek();
            if (ch == EOF) {
                throw fail("unexpected end of statement while looking for matching double-quote");
            } else if (ch == '"') {
                pos++;
                return out.toString();
            } else if (ch == '$') {
                out.append(dollar());
            } else {
                pos++;
                // inside double quotes the escape only escapes ", $ and itself, as in a POSIX shell
                if (ch == ESCAPE && (peek() == '"' || peek() == '$' || peek() == ESCAPE)) {
                    ch = next();
                } else if (ch == ESCAPE && peek() == EOF) {
                    continue;
                }
                out.append((char) ch);
            }
        }
    }

    private String dollar() {
        pos++;
        if (peek() != '{') {
            String name = name();
            return name.isEmpty() ? "$" : orEmpty(variables.apply(name));
        }
        pos++;
        int first = peek();
        if (first == EOF) {
            throw fail("syntax error: missing '}'");
        }
        if (first == '{' || first == '}' || first == ':') {
            throw fail("syntax error: bad substitution");
        }
        String name = name();
        int op = next();
        if (op == '}') {
            return orEmpty(variables.apply(name));
        }
        if (op == EOF) {
            throw fail("syntax error: missing '}'");
        }
        return op == '/' ? replace(name) : modifier(name, (char) op);
    }

    private String modifier(String name, char op) {
        boolean nullIsUnset = op == ':';
        String modifier = String.valueOf(op);
        if (nullIsUnset) {
            int ch = next();
            if (ch == EOF) {
                throw fail("syntax error: missing '}'");
            }
            op = (char) ch;
            modifier += op;
        }
        boolean pattern = op == '#' || op == '%';
        if ("+-?#%".indexOf(op) < 0 || (nullIsUnset && pattern)) {
            throw fail("unsupported modifier (" + modifier + ") in substitution");
        }
        String word = argument('}', pattern);
        String value = variables.apply(name);
        boolean empty = value == null || (nullIsUnset && value.isEmpty());
        return switch (op) {
            case '-' -> empty ? word : value;
            case '+' -> empty ? "" : word;
            case '?' -> required(name, value, empty, word);
            default -> ShellPattern.trim(orEmpty(value), word, op == '#', this::fail);
        };
    }

    private String required(String name, String value, boolean empty, String word) {
        if (value == null) {
            throw fail(name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
        }
        if (empty) {
            throw fail(name + ": " + (word.isEmpty() ? "is not allowed to be empty" : word));
        }
        return value;
    }

    private String replace(String name) {
        boolean all = peek() == '/';
        if (all) {
            pos++;
        }
        String pattern = argument('/', true);
        String replacement = argument('}', true);
        return ShellPattern.replace(orEmpty(variables.apply(name)), pattern, replacement, all, this::fail);
    }

    private String argument(char stop, boolean rawEscapes) {
        try {
            return until(stop, rawEscapes);
        } catch (DockerfileException e) {
            if (peek() == EOF) {
                throw fail("syntax error: missing '" + stop + "'");
            }
            throw e;
        }
    }

    /** A variable name: digits ($1), one special parameter ($@, $#...), or letters, digits and _. */
    private String name() {
        int start = pos;
        if (peek() != EOF && Character.isDigit(peek())) {
            while (peek() != EOF && Character.isDigit(peek())) {
                pos++;
            }
            return src.substring(start, pos);
        }
        if (peek() != EOF && "@*#?-$!0".indexOf(peek()) >= 0) {
            pos++;
            return src.substring(start, pos);
        }
        while (peek() != EOF && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
            pos++;
        }
        return src.substring(start, pos);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private DockerfileException fail(String problem) {
        String message = "failed to process \"" + src + "\": " + problem;
        String hint = "quote or escape a literal $ with \\$; write ${name} for a variable";
        return at == null
                ? new DockerfileException("<word>", 0, message, hint)
                : new DockerfileException(at, message, hint);
    }

    /** The fields of {@link #expandToFields}: blanks separate fields only in unquoted, unescaped text. */
    private static final class Fields {
        private final List<String> done = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();

        static String split(Fields f, String text) {
            if (f != null) {
                text.chars().forEach(ch -> f.splitChar((char) ch));
            }
            return text;
        }

        static String raw(Fields f, String text) {
            if (f != null) {
                f.current.append(text);
            }
            return text;
        }

        private void splitChar(char ch) {
            if (!Character.isWhitespace(ch)) {
                current.append(ch);
            } else if (!current.isEmpty()) {
                done.add(current.toString());
                current.setLength(0);
            }
        }

        List<String> done() {
            if (!current.isEmpty()) {
                done.add(current.toString());
            }
            return List.copyOf(done);
        }
    }
}
