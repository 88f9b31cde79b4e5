package dev.jcompose.session;

import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A command's stdout or stderr as session frames: characters are gathered and sent as UTF-8 on
 * flush (the CLI's writers flush on every line) or when 8 KiB are waiting. Output to a client that hung
 * up vanishes, as writing to a closed terminal does.
 */
final class FrameWriter extends Writer {
    private static final int BATCH = 8192;

    private final Outbox wire;
    private final byte type;
    private final StringBuilder pending = new StringBuilder();

    FrameWriter(Outbox wire, byte type) {
        this.wire = wire;
        this.type = type;
    }

    @Override
    public void write(char[] chars, int off, int len) {
        synchronized (lock) {
            pending.append(chars, off, len);
            if (pending.length() >= BATCH) {
                flush();
            }
        }
    }

    @Override
    public void flush() {
        synchronized (lock) {
            int end = pending.length();
            // a surrogate pair split across writes is sent whole, with the next flush
            if (end > 0 && Character.isHighSurrogate(pending.charAt(end - 1))) {
                end--;
            }
            if (end == 0) {
                return;
            }
            byte[] bytes = pending.substring(0, end).getBytes(StandardCharsets.UTF_8);
            pending.delete(0, end);
            wire.send(type, bytes);
        }
    }

    @Override
    public void close() {
        flush();
    }
}
