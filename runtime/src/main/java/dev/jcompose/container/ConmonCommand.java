package dev.jcompose.container;

import dev.jcompose.host.Command;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The conmon invocation that creates a container and then monitors it, podman style: conmon
 * double-forks (so the container outlives jcompose), runs {@code runtime create}, writes the
 * container's output to a k8s-file log and its exit code to {@code exitDir/<id>}. With
 * {@link Attach#stdin()} conmon holds a pipe as the container's stdin, fed from its attach socket
 * ({@code <bundle>/attach}); with {@link Attach#terminal()} it receives the pty the runtime
 * allocates and serves it on the same socket (resized through {@code <bundle>/ctl}).
 */
public record ConmonCommand(
        Path conmon, String id, String name, OciRuntime runtime, Path runtimeRoot, ContainerDirs dirs, Attach attach) {
    public ConmonCommand(
            Path conmon, String id, String name, OciRuntime runtime, Path runtimeRoot, ContainerDirs dirs) {
        this(conmon, id, name, runtime, runtimeRoot, dirs, Attach.NONE);
    }

    public Command command() {
        List<String> a = new ArrayList<>(List.of(
                conmon.toString(),
                "--api-version",
                "1",
                "-c",
                id,
                "-u",
                id,
                "-n",
                name,
                "-r",
                runtime.path().toString(),
                "-b",
                dirs.bundle().toString(),
                "-p",
                dirs.containerPidFile().toString(),
                "--conmon-pidfile",
                dirs.conmonPidFile().toString(),
                "--exit-dir",
                dirs.exitDir().toString(),
                "--full-attach",
                "--no-sync-log",
                "-l",
                "k8s-file:" + dirs.log(),
                "--runtime-arg",
                "--root=" + runtimeRoot,
                "--runtime-arg",
                "--log-format=json",
                "--runtime-arg",
                "--log=" + dirs.runtimeLog()));
        if (attach.stdin()) {
            a.add("--stdin");
        }
        if (attach.terminal()) {
            a.add("--terminal");
        }
        return Command.of(a).withWorkingDir(dirs.state());
    }
}
