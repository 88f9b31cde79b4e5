package dev.jcompose.loader;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Makes compose files for the fuzz test from seed files: byte edits, YAML and compose tokens,
 * line moves and re-indents, splices between seeds, repetition and deep nesting. Deterministic
 * for a given seed.
 */
final class ComposeMutator {
    private static final int MAX_SIZE = 256 * 1024;
    private static final byte[] BYTES = {
        0,
        (byte) 0xff,
        (byte) 0xc3,
        (byte) 0xe2,
        '\t',
        '\r',
        '\n',
        ':',
        '-',
        '{',
        '}',
        '[',
        ']',
        '&',
        '*',
        '!',
        '$',
        '%',
        '|',
        '>',
        '#',
        '\'',
        '"',
        '\\',
        ',',
        '?',
        '@',
        '`',
        ' ',
        '0',
        '~',
        '/',
        '.'
    };
    private static final List<String> TOKENS = List.of(
            "${",
            "${X:-",
            "${X:?err}",
            "${HOME}",
            "$$",
            "}",
            "${A:+${B:-c}}",
            "$",
            "<<: *",
            "<<: [*",
            "&a ",
            "*a",
            "!reset ",
            "!override ",
            "!!str ",
            "!!int ",
            "!!binary ",
            "!!set ",
            "!!omap ",
            "!custom ",
            "~",
            "0x1F",
            "0o17",
            "017",
            "yes",
            "on",
            "off",
            "y",
            ".inf",
            ".nan",
            "null",
            "- ",
            ": ",
            "? ",
            "---\n",
            "...\n",
            "\"\\0\"",
            "\"\\x00\"",
            "\\u0000",
            "\"\\uD800\"",
            "../",
            "/",
            "~/x",
            "1e400",
            "-1",
            "99999999999999999999",
            "service:",
            "container:",
            "%YAML 1.1\n",
            "%TAG ! tag:x,2000:\n",
            "extends: ",
            "include: ",
            "profiles: ",
            "depends_on: ",
            "network_mode: ",
            "volumes: ",
            "ports: ",
            "env_file: ",
            "secrets: ",
            "configs: ",
            "healthcheck: ",
            "deploy: ",
            "build: ",
            "x-",
            "\"",
            "'",
            "|\n",
            ">-\n",
            "# c\n",
            "\u00e9",
            "\uD83D\uDE00",
            "0:0",
            "65536:80",
            "8000-9000:80-90",
            "/dev/null:/x",
            "./a:/b:ro,z",
            "1.5",
            "512m",
            "1h2m",
            "-5s");

    private final Random random;
    private final List<byte[]> seeds;

    ComposeMutator(long seed, List<byte[]> seeds) {
        this.random = new Random(seed);
        this.seeds = List.copyOf(seeds);
    }

    byte[] next() {
        byte[] b = pick(seeds);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            b = mutate(b);
            if (b.length > MAX_SIZE) {
                b = Arrays.copyOf(b, MAX_SIZE);
            }
        }
        return b;
    }

    private byte[] mutate(byte[] b) {
        return switch (random.nextInt(10)) {
            case 0 -> delete(b);
            case 1 -> insert(b, new byte[] {BYTES[random.nextInt(BYTES.length)]});
            case 2 -> replaceByte(b);
            case 3, 4 -> insert(b, pick(TOKENS).getBytes(StandardCharsets.UTF_8));
            case 5 -> lines(b, true);
            case 6 -> lines(b, false);
            case 7 -> splice(b);
            case 8 -> repeat(b);
            default -> nest(b);
        };
    }

    private byte[] delete(byte[] b) {
        if (b.length == 0) {
            return b;
        }
        int at = random.nextInt(b.length);
        int len = Math.min(b.length - at, 1 + random.nextInt(20));
        return concat(Arrays.copyOfRange(b, 0, at), Arrays.copyOfRange(b, at + len, b.length));
    }

    private byte[] insert(byte[] b, byte[] what) {
        int at = random.nextInt(b.length + 1);
        return concat(Arrays.copyOfRange(b, 0, at), what, Arrays.copyOfRange(b, at, b.length));
    }

    private byte[] replaceByte(byte[] b) {
        if (b.length == 0) {
            return b;
        }
        byte[] out = b.clone();
        out[random.nextInt(out.length)] =
                random.nextBoolean() ? BYTES[random.nextInt(BYTES.length)] : (byte) random.nextInt(256);
        return out;
    }

    /** Duplicates, swaps or re-indents lines. */
    private byte[] lines(byte[] b, boolean move) {
        List<String> lines = new ArrayList<>(Arrays.asList(new String(b, StandardCharsets.ISO_8859_1).split("\n", -1)));
        int i = random.nextInt(lines.size());
        if (move) {
            int j = random.nextInt(lines.size());
            if (random.nextBoolean()) {
                lines.add(j, lines.get(i));
            } else {
                String t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
            }
        } else {
            String line = lines.get(i);
            lines.set(i, random.nextBoolean() ? "  " + line : line.replaceFirst("^ {1,2}", ""));
        }
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Inserts a line range of another seed at a random line. */
    private byte[] splice(byte[] b) {
        String[] other = new String(pick(seeds), StandardCharsets.ISO_8859_1).split("\n");
        int from = random.nextInt(other.length);
        int to = Math.min(other.length, from + 1 + random.nextInt(8));
        String chunk = String.join("\n", Arrays.copyOfRange(other, from, to)) + "\n";
        String text = new String(b, StandardCharsets.ISO_8859_1);
        int at = lineStart(text);
        return (text.substring(0, at) + chunk + text.substring(at)).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Repeats a short range many times: long scalars, many keys or items. */
    private byte[] repeat(byte[] b) {
        if (b.length == 0) {
            return b;
        }
        int at = random.nextInt(b.length);
        byte[] range = Arrays.copyOfRange(b, at, Math.min(b.length, at + 1 + random.nextInt(40)));
        int times = 1 + random.nextInt(Math.max(1, 64 * 1024 / range.length));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Arrays.copyOfRange(b, 0, at));
        for (int i = 0; i < times; i++) {
            out.writeBytes(range);
        }
        out.writeBytes(Arrays.copyOfRange(b, at, b.length));
        return out.toByteArray();
    }

    /** Wraps the rest of a line in flow brackets, sometimes past the nesting limit. */
    private byte[] nest(byte[] b) {
        String text = new String(b, StandardCharsets.ISO_8859_1);
        int at = lineStart(text);
        int colon = text.indexOf(": ", at);
        int eol = text.indexOf('\n', at);
        if (colon < 0 || eol < 0 || colon > eol) {
            return b;
        }
        int depth = random.nextBoolean() ? 1 + random.nextInt(50) : 400 + random.nextInt(20_000);
        boolean maps = random.nextBoolean();
        String open = (maps ? "{k: " : "[").repeat(depth);
        String close = (maps ? "}" : "]").repeat(depth);
        return (text.substring(0, colon + 2) + open + text.substring(colon + 2, eol) + close + text.substring(eol))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private int lineStart(String text) {
        int at = random.nextInt(text.length() + 1);
        return text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
