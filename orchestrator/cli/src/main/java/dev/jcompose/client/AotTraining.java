package dev.jcompose.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The training run behind the thin client's ahead-of-time cache: one command sent the way
 * {@link ThinClient} sends it, to a stand-in engine on a socket of its own that answers with every
 * frame a real one sends (accepted, a stdin request, output on both streams, the exit code). The
 * launcher runs it once per install and JDK under {@code -XX:AOTCacheOutput}: the cache then holds
 * exactly the classes a thin command loads, whether or not an engine runs, and of whichever build.
 */
public final class AotTraining {
    private AotTraining() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int code = session(true);
        if (code != 0) {
            throw new IOException("the training session ended with " + code);
        }
    }

    /** One session with a stand-in engine; returns its exit code. Tests leave the JVM's signals alone. */
    static int session(boolean trapSignals) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("jcompose-aot-training");
        Path socket = dir.resolve(ThinClient.SOCKET);
        int code;
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread engine = new Thread(() -> answer(server), "jcompose-aot-engine");
            engine.setDaemon(true);
            engine.start();
            ThinClient.ClientSession session = ThinClient.ClientSession.open(
                    socket,
                    // the environment's content does not matter here; the real client sends its own
                    ThinClient.request(new String[] {"version"}, Map.of("JCOMPOSE_AOT_TRAINING", "1"), false),
                    OutputStream.nullOutputStream(),
                    OutputStream.nullOutputStream(),
                    InputStream.nullInputStream());
            if (session == null) {
                throw new IOException("the stand-in engine refused the training session");
            }
            if (trapSignals) {
                session.trapSignals();
            }
            code = session.serve();
            engine.join();
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        }
        return code;
    }

    /**
     * The stand-in engine: one session, every kind of frame; it exits 0 only when the client sent
     * the command as a thin client does and ended its (empty) stdin.
     */
    private static void answer(ServerSocketChannel server) {
        try (SocketChannel channel = server.accept()) {
            SessionWire wire = new SessionWire(channel);
            SessionRequest request = SessionRequest.decode(wire.read().payload());
            wire.write(SessionWire.ACCEPTED, new byte[0]);
            wire.writeInt(SessionWire.WANT_STDIN, 16);
            SessionWire.Frame stdin = wire.read();
            boolean asSent = request.args().equals(java.util.List.of("version"))
                    && stdin.type() == SessionWire.STDIN
                    && stdin.payload().length == 0;
            wire.write(SessionWire.STDOUT, "jcompose version\n".getBytes(StandardCharsets.UTF_8));
            wire.write(SessionWire.STDERR, "training\n".getBytes(StandardCharsets.UTF_8));
            wire.writeInt(SessionWire.EXIT, asSent ? 0 : 2);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
