package dev.jcompose.schema.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command string into words the way compose-go does (mattn/go-shellwords without
 * environment or backtick expansion): blanks separate words, single quotes keep text literally,
 * double quotes group, a backslash outside single quotes takes the next character literally, and
 * {@code ""} is an empty word. Shell operators ({@code ; & | < >}) are ordinary characters here:
 * compose passes the words to the container's process, not to a shell.
 */
public final class ShellWords {
    private ShellWords() {}

    /** The words of {@code line}; throws IllegalArgumentException on an unterminated quote or escape. */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder buf = new StringBuilder();
        boolean escaped = false;
        boolean single = false;
        boolean dbl = false;
        boolean got = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (escaped) {
                buf.append(c);
                escaped = false;
                got = true;
                continue;
            }
            if (c == '\\' && !single) {
                escaped = true;
                continue;
            }
            if (isBlank(c) && !single && !dbl) {
                if (got) {
                    words.add(buf.toString());
                    buf.setLength(0);
                    got = false;
                }
                continue;
            }
            if (c == '\'' && !dbl) {
                single = !single;
                got = true;
                continue;
            }
            if (c == '"' && !single) {
                dbl = !dbl;
                got = true;
                continue;
            }
            buf.append(c);
            got = true;
        }
        if (escaped || single || dbl) {
            throw new IllegalArgumentException("invalid command line string");
        }
        if (got) {
            words.add(buf.toString());
        }
        return words;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
