package dev.jcompose.container;

import dev.jcompose.host.Command;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The conmon invocation that creates a container and then monitors it, podman style: conmon
 * double-forks (so the container outlives jcompose), runs {@code runtime create}, writes the
 * container's output to a k8s-file log and its exit code to {@code exitDir/<id>}.
 */
public record ConmonCommand(Path conmon, String id, String name, OciRuntime runtime, Path runtimeRoot,
                            ContainerDirs dirs) {
    public Command command() {
        List<String> a = new ArrayList<>(List.of(conmon.toString(), "--api-version", "1",
                "-c", id, "-u", id, "-n", name,
                "-r", runtime.path().toString(), "-b", dirs.bundle().toString(),
                "-p", dirs.containerPidFile().toString(), "--conmon-pidfile", dirs.conmonPidFile().toString(),
                "--exit-dir", dirs.exitDir().toString(), "--full-attach", "--no-sync-log",
                "-l", "k8s-file:" + dirs.log(),
                "--runtime-arg", "--root=" + runtimeRoot,
                "--runtime-arg", "--log-format=json",
                "--runtime-arg", "--log=" + dirs.runtimeLog()));
        return Command.of(a).withWorkingDir(dirs.state());
    }
}
