package dev.jcompose.container;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to run one exec from outside the engine, as data: the OCI runtime and its state root, the
 * container, the process spec (JSON, see {@link ExecProcess}) and where to put its file (the
 * container's state directory, so a file left by a killed CLI goes with the container). The CLI
 * runs {@link #argv} itself with its own standard streams: in the foreground with a terminal, runc
 * allocates the pty, puts the CLI's terminal in raw mode, forwards SIGWINCH and signals, and exits
 * with the process's code.
 *
 * @param tty    the process has a pseudo-TTY ({@code "terminal": true} in its spec)
 * @param detach {@code runc exec --detach}: returns once the process started
 */
public record ExecRecipe(
        String runtime,
        String root,
        String containerId,
        String containerName,
        String processJson,
        String scratchDir,
        boolean tty,
        boolean detach) {

    /**
     * The runtime's command line for a process file; {@code runtimeLog} (detached only, may be null)
     * receives the runtime's own errors, since a detached exec has no stderr to print them on.
     */
    public List<String> argv(Path processFile, Path runtimeLog) {
        List<String> a = new ArrayList<>(List.of(runtime, "--root", root));
        if (runtimeLog != null) {
            a.addAll(List.of("--log", runtimeLog.toString(), "--log-format", "json"));
        }
        a.addAll(List.of("exec", "--process", processFile.toString()));
        if (detach) {
            a.add("--detach");
        }
        a.add(containerId);
        return List.copyOf(a);
    }
}
