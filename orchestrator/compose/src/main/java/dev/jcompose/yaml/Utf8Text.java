package dev.jcompose.yaml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Compose files are UTF-8 (YAML's default; compose-go reads nothing else). Bytes that are not
 * UTF-8 make the file invalid, reported at the line and column of the first bad byte, rather than
 * replaced silently or reported as an I/O failure.
 */
public final class Utf8Text {
    private Utf8Text() {}

    /** The text of {@code bytes}; a {@link ComposeFileException} on {@code file} if they are not UTF-8. */
    public static String decode(byte[] bytes, String file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw invalid(bytes, in.position(), file);
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static ComposeFileException invalid(byte[] bytes, int offset, String file) {
        // Everything before the bad byte decoded cleanly, so lines and columns count in characters.
        String before = new String(bytes, 0, offset, StandardCharsets.UTF_8);
        int lineStart = before.lastIndexOf('\n') + 1;
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = before.codePointCount(lineStart, before.length()) + 1;
        return new ComposeFileException(
                new Location(file, line, column),
                null,
                String.format("invalid UTF-8: byte 0x%02x cannot start or continue a character", bytes[offset] & 0xff),
                "save the file as UTF-8 (compose files are read as UTF-8 only)");
    }
}
