package dev.jcompose.session;

import dev.jcompose.client.SessionWire;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The thin client's stdin, read on demand: each read the command makes asks the client for at most
 * that many bytes, so the client consumes no more of its input than the command reads (a command
 * in a shell loop must not swallow the lines meant for the next one).
 */
final class SessionStdin extends InputStream {
    private static final byte[] END = new byte[0];

    private final Outbox wire;
    private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private byte[] current = END;
    private int position;
    private boolean ended;

    SessionStdin(Outbox wire) {
        this.wire = wire;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position == current.length) {
            if (ended) {
                return -1;
            }
            wire.sendInt(SessionWire.WANT_STDIN, len);
            try {
                current = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("the command was canceled while reading stdin");
            }
            position = 0;
            if (current.length == 0) {
                ended = true;
                return -1;
            }
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    /** Bytes the client sent; an empty chunk is the end of its input. */
    void offer(byte[] chunk) {
        chunks.add(chunk);
    }

    /** The client is gone: a read waiting for it, and every later one, sees the end. */
    void end() {
        chunks.add(END);
    }
}
