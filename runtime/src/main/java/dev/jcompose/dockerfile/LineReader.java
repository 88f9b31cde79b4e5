package dev.jcompose.dockerfile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Physical lines to logical ones as Docker reads them: parser directives at the top, comments, and line
 * continuations with the escape token (whitespace after it allowed; comment and empty lines inside a
 * continuation skipped). Heredoc bodies are read on demand, since only the instruction knows it opened one.
 */
final class LineReader {
    private static final Pattern DIRECTIVE = Pattern.compile("^([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");

    /** One logical line: its text (continuations joined) and the 1-based line it started on. */
    record Logical(int line, String text) {}

    private final String file;
    private final String[] lines;
    private final List<String> notes = new ArrayList<>();
    private char escape = '\\';
    private int next;

    LineReader(String text, String file) {
        this.file = file;
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.lines = body.split("\n", -1);
        readDirectives();
    }

    char escape() {
        return escape;
    }

    List<String> notes() {
        return notes;
    }

    /** The last physical line read, 1-based. */
    int line() {
        return next;
    }

    /** Directives are comments of the form {@code # name=value} before anything else; unknown names end them. */
    private void readDirectives() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            String line = stripNewline(lines[i]).stripLeading();
            if (!line.startsWith("#")) {
                return;
            }
            Matcher m = DIRECTIVE.matcher(line.substring(1).stripLeading());
            String name = m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : "";
            if (!name.equals("escape") && !name.equals("syntax") && !name.equals("check")) {
                return;
            }
            if (!seen.add(name)) {
                throw new DockerfileException(
                        file, i + 1, "only one " + name + " parser directive can be used", "remove the repeated one");
            }
            directive(name, m.group(2), i + 1);
        }
    }

    private void directive(String name, String value, int line) {
        switch (name) {
            case "escape" -> {
                if (!value.equals("\\") && !value.equals("`")) {
                    throw new DockerfileException(
                            file,
                            line,
                            "invalid escape token '" + value + "' does not match ` or \\",
                            "write # escape=\\ or # escape=`");
                }
                escape = value.charAt(0);
            }
            case "syntax" ->
                notes.add(file + ":" + line + ": # syntax=" + value
                        + " ignored: jcompose builds with its own Dockerfile frontend");
            default -> notes.add(file + ":" + line + ": # check=" + value + " ignored: jcompose runs no build checks");
        }
    }

    /** The next instruction's logical line, or null at the end. */
    Logical nextLogical() {
        while (next < lines.length) {
            String raw = stripNewline(lines[next++]).stripLeading();
            int start = next;
            if (isComment(raw)) {
                continue;
            }
            String joined = continued(raw);
            if (joined != null && !joined.isEmpty()) {
                return new Logical(start, joined);
            }
            if (joined == null) {
                var text = new StringBuilder(raw.substring(0, continuationStart(raw)));
                return new Logical(start, readContinuation(text, start));
            }
        }
        return null;
    }

    /** The line itself when it does not continue, else null. */
    private String continued(String line) {
        return continuationStart(line) < 0 ? line : null;
    }

    private String readContinuation(StringBuilder text, int start) {
        boolean emptyNoted = false;
        while (next < lines.length) {
            String raw = stripNewline(lines[next++]);
            boolean trailing = next == lines.length && raw.isEmpty();
            if (raw.isBlank() && !emptyNoted && !trailing) {
                // Docker accepts these but warns that they will become an error
                notes.add(file + ":" + start + ": empty continuation line (Docker warns that it will become an error)");
                emptyNoted = true;
            }
            if (isComment(raw) || raw.isBlank()) {
                continue;
            }
            int cut = continuationStart(raw);
            if (cut < 0) {
                return text.append(raw).toString();
            }
            text.append(raw, 0, cut);
        }
        return text.toString();
    }

    /**
     * Where the continuation escape starts when the line ends with it (blanks after it allowed), else -1.
     * A doubled escape is a literal one, as in Docker's {@code ([^\\])\\[ \t]*$} rule.
     */
    private int continuationStart(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        if (end == 0 || line.charAt(end - 1) != escape) {
            return -1;
        }
        if (end >= 2 && line.charAt(end - 2) == escape) {
            return -1;
        }
        return end - 1;
    }

    /** A heredoc's body: the lines up to {@code name} (leading tabs ignored for {@code <<-}), each ending in \n. */
    String heredoc(String name, boolean chomp, SourceLine at) {
        var body = new StringBuilder();
        while (next < lines.length) {
            boolean last = next == lines.length - 1;
            String line = stripNewline(lines[next++]);
            String candidate = chomp ? line.replaceFirst("^\t+", "") : line;
            if (candidate.equals(name)) {
                return body.toString();
            }
            if (last && line.isEmpty()) {
                break;
            }
            body.append(chomp ? candidate : line).append('\n');
        }
        throw new DockerfileException(at, "unterminated heredoc <<" + name, "end it with a line holding only " + name);
    }

    private static boolean isComment(String line) {
        return line.stripLeading().startsWith("#");
    }

    private static String stripNewline(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
