/**
 * The engine as a background process, and the socket the CLI reaches it through.
 *
 * <h2>One engine per host</h2>
 * <p>{@code jcompose up -d} leaves one engine process per host, like dockerd, not one per project.
 * The things the engine keeps alive are host-wide: the embedded DNS servers listen on bridge
 * addresses that several projects may share (external networks), IPAM pools and published host
 * ports must be allocated without two allocators racing, and iptables chains are one table. One JVM
 * keeps all of that in one event loop, so allocation is a map lookup instead of a cross-process lock
 * protocol, and a host running ten projects pays for one JVM, not ten. The cost is that one
 * engine's failure touches every project; that is bounded by the design below (containers run
 * under conmon and outlive the engine; a new engine re-adopts them). Commands on different projects
 * run concurrently; mutating commands on the same project are queued, in arrival order, with a
 * visible "waiting for another jcompose command on project X" event (docker compose lets them race).
 *
 * <h2>Lifecycle</h2>
 * <ul>
 *   <li>{@link dev.jcompose.daemon.EngineDirectory}: {@code <runRoot>/engine}, created 0700 and
 *       refused when an existing one is not ours or not private (the socket drives a root engine).
 *   <li>{@link dev.jcompose.daemon.EngineLock}: an fcntl lock on {@code engine.lock} held for the
 *       engine's life is what guarantees one engine; the kernel drops it on SIGKILL, so stale pid and
 *       socket files never block the next engine.
 *   <li>{@link dev.jcompose.daemon.EngineLauncher}: the CLI connects, or starts
 *       {@link dev.jcompose.daemon.EngineMain} detached ({@code setsid}, stdin from /dev/null, output
 *       appended to {@code engine.log}, first moved to {@code engine.log.1} when over 10 MiB:
 *       {@link dev.jcompose.daemon.EngineLog}) and polls until it answers. Racing launchers may each start a
 *       process; the lock picks the one that serves, the others exit 0.
 *   <li>{@code SIGTERM} or the {@code shutdown} method close the socket (and remove its file), the
 *       engine context, then release the lock. {@code --idle-timeout} (off by default) does the same
 *       once no CLI has been connected for that long and no {@link dev.jcompose.daemon.HandlerRegistry}
 *       keeps the engine alive ({@link dev.jcompose.daemon.IdleShutdown}).
 * </ul>
 *
 * <h2>Wire protocol</h2>
 * <p>JSON lines ({@link dev.jcompose.daemon.Frame}, {@link dev.jcompose.daemon.FrameCodec}): the
 * client sends {@code {"id":N,"method":..,"params":{..}}} and may send {@code {"id":N,"cancel":true}};
 * the engine streams {@code {"id":N,"event":{..}}} and ends with {@code {"id":N,"result":{..}}} or
 * {@code {"id":N,"error":{"message","hint","exitCode"}}}, which the client rethrows as the same
 * {@link dev.jcompose.JcomposeException}. A {@code hello} handshake reports the engine's protocol,
 * pid, version, build ({@link dev.jcompose.daemon.BuildIdentity}: baked at build time) and how many
 * calls it serves. The launcher runs commands only on an engine of its own build and protocol: an idle
 * one of another build is stopped ({@code shutdown} with {@code ifIdle}, refused by the engine if a call
 * arrived meanwhile) and replaced, with one line on stderr; a busy one fails the command at once
 * ({@link dev.jcompose.daemon.EngineMismatch}). A client that hangs up cancels its calls.
 *
 * <h2>Transport</h2>
 * <p>The server is a Vert.x {@code NetServer} on a unix domain socket, which Vert.x serves only with
 * netty's native epoll transport (hence {@code setPreferNativeTransport} in
 * {@link dev.jcompose.engine.EngineContext}); this keeps the engine free of threads of its own: lines
 * are read on the event loop and each frame is handed to the engine context, where handlers run. The
 * client uses the JDK's blocking {@code SocketChannel} for unix sockets instead: the CLI does one
 * thing at a time and should not boot Vert.x just to talk to the engine.
 *
 * <p>Methods are registered in a {@link dev.jcompose.daemon.MethodRegistry}: the built-ins
 * ({@link dev.jcompose.daemon.BuiltinMethods}) plus every {@link dev.jcompose.daemon.HandlerRegistry}
 * found through {@link java.util.ServiceLoader}.
 */
package dev.jcompose.daemon;
