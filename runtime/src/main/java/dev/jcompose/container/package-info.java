/**
 * Containers run by an OCI runtime (runc/crun, chosen by {@link dev.jcompose.container.RuntimeProbe})
 * under conmon, with a persisted lifecycle: the engine holds the
 * {@link dev.jcompose.container.ContainerRuntime} interface (its contract: states, exit codes, removed
 * containers), {@link dev.jcompose.container.ConmonRuntime} implements it (creating in
 * {@link dev.jcompose.container.ContainerCreation}, taking apart in
 * {@link dev.jcompose.container.ContainerRelease}); the test-jar has an in-memory one.
 * {@link dev.jcompose.container.HostImages} is the one image side both the CLI's
 * {@link dev.jcompose.container.ContainerHost} and the engine hold: it wires the image store, puller and
 * loader to the snapshot store through {@link dev.jcompose.container.ImageRootfs} (layers unpacked into
 * snapshots keyed and verified by diff_id; the image config mapped to {@link dev.jcompose.oci.ImageDefaults}),
 * under one {@link dev.jcompose.container.RootfsLock}, and removes images only when no container uses them.
 *
 * <h2>Interactive processes: exec and attached run</h2>
 * <p>The engine is a background process without the user's terminal, so it never carries the bytes
 * of an interactive session; it decides, and the CLI connects the user's terminal itself.
 * <ul>
 *   <li><b>exec</b>: {@link dev.jcompose.container.ContainerRuntime#execRecipe} returns an
 *       {@link dev.jcompose.container.ExecRecipe}: the runtime binary and {@code --root}, the container
 *       id, and the process spec {@link dev.jcompose.container.ExecProcess} builds from the bundle (the
 *       container's capabilities, rlimits, no_new_privileges and environment, with the request's
 *       args, env, user and working dir; {@code terminal} and docker's {@code TERM=xterm} for a tty).
 *       The CLI writes the spec into the container's state directory (so a file left by a killed CLI
 *       goes with the container), runs {@code runc exec --process FILE [--detach] ID} with its own
 *       standard streams and deletes the file. In the foreground with a terminal runc allocates the
 *       pty, sets the CLI's terminal raw, forwards SIGWINCH and signals and restores the terminal;
 *       its exit code is the process's. Nothing of an exec passes through the engine socket, so
 *       output is live and binary-safe. The in-engine {@link dev.jcompose.container.ExecRunner}
 *       (output collected) remains for the Java fixture API.</li>
 *   <li><b>attached run</b>: the one-off stays under conmon like every container, created with an
 *       {@link dev.jcompose.container.Attach}: conmon {@code --stdin} holds a pipe as its standard input
 *       and {@code --terminal} receives the pty the runtime allocates. conmon serves both on its attach
 *       socket {@code <bundle>/attach} ({@code --full-attach}), a unix SOCK_SEQPACKET socket: each packet
 *       it sends is one byte naming the stream (2 stdout, 3 stderr) and the data; what a client writes
 *       is the container's stdin, and a client shutting down its write side closes it. A terminal is
 *       resized with {@code 1 ROWS COLS\n} written to the {@code <bundle>/ctl} fifo. The CLI attaches
 *       ({@link dev.jcompose.container.AttachSocket}, libc through jnr-ffi: the JDK's unix sockets are
 *       stream-only) after the create and before the start, which the engine therefore does in two
 *       calls, so no output is lost; output still goes to the k8s-file log too ({@code logs} works).
 *       stdin_open and tty are given to one-offs only: nobody attaches to a service's container.</li>
 * </ul>
 */
package dev.jcompose.container;
