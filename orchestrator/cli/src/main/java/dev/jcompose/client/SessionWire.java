package dev.jcompose.client;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The thin client's session with the engine, one frame at a time: a type byte, a length, the
 * payload. Read and written on the raw channel (one reading thread and one writing thread at a
 * time, which a socket channel allows) with JDK classes only, so the client loads nothing else.
 *
 * <p>Client to engine: {@link #REQUEST} once, then {@link #STDIN} (an empty one is end of input)
 * and {@link #SIGNAL}. Engine to client: {@link #ACCEPTED} or {@link #REFUSED} (the client then runs
 * the command itself), then {@link #STDOUT}, {@link #STDERR}, {@link #WANT_STDIN} and one
 * {@link #EXIT}.
 */
public final class SessionWire {
    /** Bumped on any incompatible change; a request of another version is refused. */
    public static final int VERSION = 1;

    public static final byte REQUEST = 'Q';
    public static final byte STDIN = 'I';
    public static final byte SIGNAL = 'S';
    public static final byte ACCEPTED = 'A';
    public static final byte REFUSED = 'R';
    public static final byte STDOUT = 'O';
    public static final byte STDERR = 'E';
    public static final byte WANT_STDIN = 'W';
    public static final byte EXIT = 'X';

    /** Larger frames are refused: no peer can make the other allocate without bound. */
    static final int MAX_PAYLOAD = 16 << 20;

    private final SocketChannel channel;
    private final ByteBuffer header = ByteBuffer.allocate(5);

    public SessionWire(SocketChannel channel) {
        this.channel = channel;
    }

    /** One frame read; end of stream before a whole frame is an {@link EOFException}. */
    public Frame read() throws IOException {
        header.clear();
        fill(header);
        header.flip();
        byte type = header.get();
        int length = header.getInt();
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new IOException("bad session frame length " + length);
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        fill(payload);
        return new Frame(type, payload.array());
    }

    public void write(byte type, byte[] payload) throws IOException {
        write(type, payload, 0, payload.length);
    }

    public void write(byte type, byte[] payload, int offset, int length) throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(5 + length);
        frame.put(type).putInt(length).put(payload, offset, length).flip();
        synchronized (this) {
            while (frame.hasRemaining()) {
                channel.write(frame);
            }
        }
    }

    public void writeInt(byte type, int value) throws IOException {
        write(type, ByteBuffer.allocate(4).putInt(value).array());
    }

    private void fill(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("the session ended");
            }
        }
    }

    /** One frame: its type and payload. */
    public record Frame(byte type, byte[] payload) {
        public int intValue() {
            return ByteBuffer.wrap(payload).getInt();
        }

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /** Length-prefixed UTF-8 strings, ints and booleans in a payload. */
    public static final class Fields {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Fields add(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            add(b.length);
            out.writeBytes(b);
            return this;
        }

        public Fields add(int i) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(i).array());
            return this;
        }

        public Fields add(boolean b) {
            out.write(b ? 1 : 0);
            return this;
        }

        public byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** Reads what {@link Fields} wrote, in the same order; a short or malformed payload fails. */
    public static final class FieldReader {
        private final ByteBuffer in;

        public FieldReader(byte[] payload) {
            this.in = ByteBuffer.wrap(payload);
        }

        public String string() throws IOException {
            int length = integer();
            if (length < 0 || length > in.remaining()) {
                throw new IOException("bad string length " + length + " in a session request");
            }
            byte[] b = new byte[length];
            in.get(b);
            return new String(b, StandardCharsets.UTF_8);
        }

        public int integer() throws IOException {
            need(4);
            return in.getInt();
        }

        public boolean bool() throws IOException {
            need(1);
            return in.get() != 0;
        }

        private void need(int n) throws IOException {
            if (in.remaining() < n) {
                throw new IOException("a session request ended early");
            }
        }
    }
}
