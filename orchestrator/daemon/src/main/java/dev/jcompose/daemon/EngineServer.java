package dev.jcompose.daemon;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.engine.EngineContext;
import io.vertx.core.Future;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

/**
 * Serves the engine protocol on {@code <runRoot>/engine/engine.sock} with Vert.x's native epoll
 * transport (the JDK NIO transport Vert.x falls back to has no unix domain sockets). Reading and
 * writing happen on the Vert.x event loop; every decoded frame is handed to the engine context,
 * which owns all engine state, so handlers never see another thread.
 *
 * <p>The caller must hold the {@link EngineLock}: starting removes a stale socket file left by a
 * killed engine, which is only safe when no other engine can be serving it.
 */
public final class EngineServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final EngineContext engine;
    private final EngineDirectory directory;
    private final MethodRegistry methods;
    private final ConnectionObserver observer;
    private final SocketAccess access;
    private NetServer server;

    /** Told on the engine context when a CLI connects and hangs up. */
    public interface ConnectionObserver {
        ConnectionObserver NONE = new ConnectionObserver() {
            @Override
            public void opened() {}

            @Override
            public void closed() {}
        };

        void opened();

        void closed();
    }

    public EngineServer(EngineContext engine, EngineDirectory directory, MethodRegistry methods) {
        this(engine, directory, methods, ConnectionObserver.NONE);
    }

    public EngineServer(
            EngineContext engine, EngineDirectory directory, MethodRegistry methods, ConnectionObserver observer) {
        this(engine, directory, methods, observer, SocketAccess.ownerOnly());
    }

    /** @param access who may connect besides the owner (the socket group) */
    public EngineServer(
            EngineContext engine,
            EngineDirectory directory,
            MethodRegistry methods,
            ConnectionObserver observer,
            SocketAccess access) {
        this.access = access;
        this.engine = engine;
        this.directory = directory;
        this.methods = methods;
        this.observer = observer;
    }

    /** Binds the socket (mode 0600, or 0660 for a socket group) and starts accepting; returns once it is listening. */
    public EngineServer start() {
        if (!engine.vertx().isNativeTransportEnabled()) {
            throw new JcomposeException(
                    "the engine cannot serve its unix socket: the native epoll transport did not load ("
                            + engine.vertx().unavailableNativeTransportCause() + ")",
                    "jcompose's engine needs Linux on x86_64",
                    ExitCode.FAILURE);
        }
        directory.secure();
        try {
            Files.deleteIfExists(directory.socket());
        } catch (IOException e) {
            throw cannotServe(e);
        }
        NetServer created = engine.vertx().createNetServer(new NetServerOptions());
        created.connectHandler(socket -> new EngineConnection(socket, engine, methods, observer).start());
        server = engine.await(
                created.listen(SocketAddress.domainSocketAddress(
                                directory.socket().toString()))
                        .recover(e -> Future.failedFuture(new JcomposeException(
                                "the engine cannot listen on " + directory.socket() + ": " + e.getMessage(),
                                "see whether another process uses " + directory.path(),
                                ExitCode.FAILURE,
                                e))),
                START_TIMEOUT);
        try {
            access.apply(directory.socket(), access.socketMode());
        } catch (IOException e) {
            throw cannotServe(e);
        }
        return this;
    }

    private JcomposeException cannotServe(IOException e) {
        return new JcomposeException(
                "the engine cannot serve " + directory.socket() + ": " + e.getMessage(),
                "check the permissions of " + directory.path(),
                ExitCode.FAILURE,
                e);
    }

    /** Stops accepting, closes every connection and removes the socket file. */
    @Override
    public void close() {
        if (server != null) {
            engine.await(server.close(), START_TIMEOUT);
            server = null;
        }
        try {
            Files.deleteIfExists(directory.socket());
        } catch (IOException e) {
            throw cannotServe(e);
        }
    }
}
