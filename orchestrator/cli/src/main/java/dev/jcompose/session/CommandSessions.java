package dev.jcompose.session;

import dev.jcompose.JcomposeException;
import dev.jcompose.daemon.BuildIdentity;
import dev.jcompose.daemon.EngineDirectory;
import dev.jcompose.daemon.HandlerRegistry;
import dev.jcompose.daemon.MethodRegistry;
import dev.jcompose.engine.EngineContext;
import dev.jcompose.host.HostAccess;
import dev.jcompose.host.HostPaths;
import java.nio.file.Path;

/**
 * Makes the engine run thin clients' commands: loaded by the engine like its other parts, it opens
 * the command socket beside the engine's. Without it (the socket cannot be made) clients simply
 * run their commands themselves, so a failure is logged, not fatal.
 */
public final class CommandSessions implements HandlerRegistry {
    private SessionServer server;

    /** Where the command socket of the engine serving {@code runRoot} is. */
    public static Path socket(Path runRoot) {
        return EngineDirectory.under(runRoot).path().resolve("session").resolve(dev.jcompose.client.ThinClient.SOCKET);
    }

    @Override
    public void register(MethodRegistry methods, EngineContext engine, HostAccess host) {
        Path socket = socket(HostPaths.fromEnvironment(host.environment()).runRoot());
        try {
            server = SessionServer.start(socket, BuildIdentity.current().build(), System.out::println);
        } catch (JcomposeException e) {
            System.out.println("jcompose engine: no command socket, clients run commands themselves: " + e.describe());
        }
    }

    @Override
    public boolean keepsEngineAlive() {
        return server != null && server.active() > 0;
    }
}
