package dev.jcompose.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The byte streams exec and run connect a container's process to. {@code inherited}: they are the
 * CLI process's own descriptors 0, 1, 2, which a child process (runc) can take over as they are;
 * otherwise (the CLI run in a test, with in-memory writers) bytes are copied, decoded as UTF-8.
 */
record Stdio(InputStream in, OutputStream out, OutputStream err, boolean inherited) {

    static Stdio of(Main.Environment host, PrintWriter out, PrintWriter err) {
        out.flush();
        err.flush();
        if (host.processStdio()) {
            return new Stdio(
                    host.stdin(),
                    new FileOutputStream(FileDescriptor.out),
                    new FileOutputStream(FileDescriptor.err),
                    true);
        }
        return new Stdio(host.stdin(), new WriterStream(out), new WriterStream(err), false);
    }

    /** Bytes to a writer, decoding UTF-8 across writes (a packet may end inside a character). */
    static final class WriterStream extends OutputStream {
        private final PrintWriter to;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private ByteBuffer pending = ByteBuffer.allocate(0);

        WriterStream(PrintWriter to) {
            this.to = to;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            ByteBuffer in = ByteBuffer.allocate(pending.remaining() + len);
            in.put(pending).put(b, off, len).flip();
            CharBuffer chars = CharBuffer.allocate(in.remaining() + 1);
            decoder.decode(in, chars, false);
            pending = in.slice();
            chars.flip();
            synchronized (to) {
                to.append(chars);
                to.flush();
            }
        }

        @Override
        public void flush() throws IOException {
            to.flush();
        }
    }
}
