package dev.jcompose.environment;

import dev.jcompose.interpolation.InterpolationException;
import dev.jcompose.interpolation.Interpolator;
import dev.jcompose.interpolation.Substitution;
import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.Location;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One pass over an env file, following compose-go's dotenv parser statement by statement: skip
 * blanks and {@code #} lines, read a key (optionally after {@code export}), then a value that is
 * unquoted (to the end of the line, cut at {@code " #"}, right-trimmed), single-quoted (literal) or
 * double-quoted (escapes, may span lines). Unquoted and double-quoted values are interpolated with
 * the file's earlier variables first, then the lookup. Parsing resumes right after a closing quote,
 * as compose-go does, so {@code A="x" # note} is fine.
 *
 * <p>Deliberate differences, all where compose-go accepts nonsense: an empty key ({@code =x}) and a
 * key holding a tab are rejected; a last line {@code KEY} without a newline is a {@code KEY}-only
 * entry (compose-go stores it under the empty key).
 */
final class DotEnvParser {
    private final String src;
    private final String file;
    private final Function<String, Optional<String>> lookup;
    private final Consumer<String> warnings;
    private final LinkedHashMap<String, String> out = new LinkedHashMap<>();
    private int pos;

    DotEnvParser(String text, String file, Function<String, Optional<String>> lookup, Consumer<String> warnings) {
        // A BOM is dropped before anything else, so columns count from the first visible character.
        this.src = text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.file = file;
        this.lookup = lookup;
        this.warnings = warnings;
    }

    LinkedHashMap<String, String> parse() {
        while (skipToStatement()) {
            statement();
        }
        return out;
    }

    /** Skips whitespace (line breaks included) and comment lines; false at the end of the text. */
    private boolean skipToStatement() {
        while (pos < src.length()) {
            int cp = src.codePointAt(pos);
            if (DotEnvChars.isGoSpace(cp)) {
                pos += Character.charCount(cp);
            } else if (cp == '#') {
                int nl = src.indexOf('\n', pos);
                pos = nl < 0 ? src.length() : nl;
            } else {
                return true;
            }
        }
        return false;
    }

    private void statement() {
        skipExport();
        int keyStart = pos;
        int keyEnd = scanKey(keyStart);
        String key = DotEnvChars.trimRight(src.substring(keyStart, keyEnd < 0 ? src.length() : keyEnd));
        checkKey(key, keyStart);
        if (keyEnd < 0 || src.charAt(keyEnd) == '\n') {
            inherit(key);
            pos = keyEnd < 0 ? src.length() : keyEnd + 1;
            return;
        }
        pos = keyEnd + 1;
        while (pos < src.length() && DotEnvChars.isBlank(src.charAt(pos))) {
            pos++;
        }
        out.put(key, value(key));
    }

    /** The index of the '=', ':' or line break ending the key at {@code keyStart}, or -1 at the end of the text. */
    private int scanKey(int keyStart) {
        for (int i = keyStart; i < src.length(); ) {
            int cp = src.codePointAt(i);
            if (cp == '=' || cp == ':' || cp == '\n') {
                return i;
            }
            if (!DotEnvChars.isBlank(cp) && !DotEnvChars.isKeyChar(cp)) {
                throw error(
                        i,
                        "unexpected character " + Substitution.quoted(Character.toString(cp)) + " in variable name "
                                + Substitution.quoted(lineFrom(keyStart)),
                        "variable names hold letters, digits, '_', '.', '-', '[' and ']'");
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    /**
     * KEY alone: its value comes from the lookup; without one it is unset, which (as in compose-go)
     * leaves a value set by an earlier line alone.
     */
    private void inherit(String key) {
        Optional<String> inherited = lookup.apply(key);
        if (inherited.isPresent()) {
            out.put(key, inherited.get());
        } else {
            out.putIfAbsent(key, null);
        }
    }

    /** compose-go strips a leading {@code export} followed by blanks. */
    private void skipExport() {
        int after = pos + "export".length();
        if (src.startsWith("export", pos) && after < src.length() && " \t\f\r".indexOf(src.charAt(after)) >= 0) {
            pos = after;
            while (pos < src.length() && DotEnvChars.isBlank(src.charAt(pos))) {
                pos++;
            }
        }
    }

    private void checkKey(String key, int keyStart) {
        if (key.isEmpty()) {
            throw error(
                    keyStart,
                    "missing variable name before " + Substitution.quoted(lineFrom(keyStart)),
                    "write KEY=VALUE");
        }
        if (key.codePoints().anyMatch(DotEnvChars::isBlank)) {
            throw error(
                    keyStart,
                    "key cannot contain a space: " + Substitution.quoted(key),
                    "variable names hold letters, digits, '_', '.', '-', '[' and ']'");
        }
    }

    private String value(String key) {
        if (pos < src.length() && (src.charAt(pos) == '"' || src.charAt(pos) == '\'')) {
            return quoted(key, src.charAt(pos));
        }
        int nl = src.indexOf('\n', pos);
        int lineEnd = nl < 0 ? src.length() : nl;
        String raw = src.substring(pos, lineEnd);
        int comment = raw.indexOf(" #");
        String value = DotEnvChars.trimRight(comment < 0 ? raw : raw.substring(0, comment));
        int[] offsets = identity(pos, value.length());
        pos = nl < 0 ? src.length() : nl + 1;
        return interpolate(key, value, offsets);
    }

    private String quoted(String key, char quote) {
        int start = pos;
        StringBuilder raw = new StringBuilder();
        OffsetList offsets = new OffsetList();
        boolean escaped = false;
        for (int i = start + 1; i < src.length(); i++) {
            char c = src.charAt(i);
            if (escaped) {
                escaped = false;
                // An escaped quote drops its backslash; any other escaped character keeps it.
                if (c != quote) {
                    raw.append('\\');
                    offsets.add(i - 1);
                }
                raw.append(c);
                offsets.add(i);
            } else if (c == '\\') {
                escaped = true;
            } else if (c == quote) {
                pos = i + 1;
                if (quote == '\'') {
                    return raw.toString();
                }
                DoubleQuoteEscapes.Result unescaped = DoubleQuoteEscapes.expand(raw.toString(), offsets.toArray());
                return interpolate(key, unescaped.text(), unescaped.offsets());
            } else {
                raw.append(c);
                offsets.add(i);
            }
        }
        throw error(
                start,
                "unterminated quoted value " + lineFrom(start),
                "close the quote; a quote inside the value is written \\" + quote);
    }

    /** Interpolates a value; {@code offsets[i]} is where character i of {@code value} was written. */
    private String interpolate(String key, String value, int[] offsets) {
        try {
            return new Substitution(this::resolve, warnings).expand(value);
        } catch (InterpolationException e) {
            int at = e.offset() < offsets.length ? offsets[e.offset()] : pos;
            throw Interpolator.toComposeError(e, value, location(at), null, key);
        }
    }

    /** Variables defined earlier in this file win over the lookup (compose-go's expandVariables). */
    private Optional<String> resolve(String name) {
        String own = out.get(name);
        return own != null ? Optional.of(own) : lookup.apply(name);
    }

    private String lineFrom(int from) {
        int nl = src.indexOf('\n', from);
        return DotEnvChars.trimRight(src.substring(from, nl < 0 ? src.length() : nl));
    }

    private ComposeFileException error(int offset, String problem, String hint) {
        return new ComposeFileException(location(offset), null, problem, hint);
    }

    private Location location(int offset) {
        int lineStart = src.lastIndexOf('\n', offset - 1) + 1;
        int line = 1;
        for (int i = src.indexOf('\n'); i >= 0 && i < offset; i = src.indexOf('\n', i + 1)) {
            line++;
        }
        return new Location(file, line, src.codePointCount(lineStart, offset) + 1);
    }

    private static int[] identity(int from, int length) {
        int[] offsets = new int[length];
        Arrays.setAll(offsets, i -> from + i);
        return offsets;
    }

    /** A growable int array, to map unescaped characters back to where they were written. */
    static final class OffsetList {
        private int[] values = new int[16];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
