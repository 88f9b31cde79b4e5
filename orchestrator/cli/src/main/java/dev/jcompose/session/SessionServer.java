package dev.jcompose.session;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The engine's command socket for thin clients, {@code <runRoot>/engine/session/cli.sock}, in a
 * directory only the engine's owner (root) may enter: a command reads files and starts processes
 * with the engine's rights, so members of the socket group (who may reach the engine directory)
 * keep using their own CLI process. Each connection is one command on a thread of its own.
 */
public final class SessionServer implements AutoCloseable {
    private final ServerSocketChannel server;
    private final Path socket;
    private final AtomicInteger active = new AtomicInteger();

    private SessionServer(ServerSocketChannel server, Path socket) {
        this.server = server;
        this.socket = socket;
    }

    /** Binds {@code socket} (a stale one left by a killed engine is replaced: the caller holds the engine lock). */
    public static SessionServer start(Path socket, String build, Consumer<String> log) {
        try {
            Files.createDirectories(socket.getParent());
            Files.setPosixFilePermissions(socket.getParent(), PosixFilePermissions.fromString("rwx------"));
            Files.deleteIfExists(socket);
            ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            channel.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            SessionServer server = new SessionServer(channel, socket);
            Thread.ofPlatform().daemon().name("jcompose-command-socket").start(() -> server.accept(build, log));
            return server;
        } catch (IOException e) {
            throw new JcomposeException(
                    "the engine cannot serve its command socket " + socket + ": " + e.getMessage(),
                    "check the permissions of " + socket.getParent(),
                    ExitCode.FAILURE,
                    e);
        }
    }

    /** Commands running now. */
    public int active() {
        return active.get();
    }

    private void accept(String build, Consumer<String> log) {
        SpareCli clis = new SpareCli(log);
        clis.refill();
        while (true) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                log.accept("command socket: " + e.getMessage());
                continue;
            }
            CommandSession session = new CommandSession(client, build, clis, log);
            active.incrementAndGet();
            Thread.ofPlatform().daemon().name("jcompose-session").start(() -> {
                try {
                    session.run();
                } finally {
                    active.decrementAndGet();
                }
            });
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            // the engine is stopping; a stale socket is replaced by the next one
        }
    }
}
