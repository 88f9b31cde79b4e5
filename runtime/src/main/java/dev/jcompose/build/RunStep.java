package dev.jcompose.build;

import dev.jcompose.container.ContainerRecord;
import dev.jcompose.container.ContainerRuntime;
import dev.jcompose.container.CreateRequest;
import dev.jcompose.oci.ContainerSpec;
import dev.jcompose.oci.ImageDefaults;
import dev.jcompose.rootfs.Snapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one RUN step in a container of jcompose's runtime on the stage's snapshots, streams its output,
 * and hands the container's upper directory (its changes) to the caller before removing it.
 */
final class RunStep {
    /** Labels a build container, so an engine can tell it from a project's and reap one a crash left. */
    static final String LABEL = "dev.jcompose.build";

    private static final int TAIL = 20;

    private final ContainerRuntime runtime;
    private final Path snapshotsRoot;

    RunStep(ContainerRuntime runtime, Path snapshotsRoot) {
        this.runtime = runtime;
        this.snapshotsRoot = snapshotsRoot;
    }

    /**
     * What a RUN runs.
     *
     * @param hostsFile  bound as /etc/hosts (null: none)
     * @param resolvConf bound as /etc/resolv.conf (null: none)
     */
    record Process(
            List<String> argv,
            Map<String, String> env,
            String user,
            String workingDir,
            List<ContainerSpec.VolumeMount> mounts,
            ContainerSpec.Network network,
            Long shmSizeBytes,
            Path hostsFile,
            Path resolvConf) {}

    /** The exit code and the last lines of output of a RUN that failed. */
    record Failure(int exitCode, List<String> tail) {}

    /**
     * Runs {@code process} on {@code layers} (base first); on success returns what {@code capture}
     * makes of the upper directory, else throws via {@code failed}.
     */
    <T> T run(
            String reference,
            Process process,
            List<Snapshot> layers,
            Consumer<String> output,
            Function<Path, T> capture,
            Function<Failure, RuntimeException> failed) {
        String id = "build-" + HexFormat.of().formatHex(randomBytes());
        ContainerSpec spec = spec(process);
        CreateRequest req = new CreateRequest(
                id,
                id,
                Map.of(LABEL, reference),
                "",
                snapshotsRoot,
                layers,
                ImageDefaults.EMPTY,
                spec,
                process.hostsFile(),
                process.resolvConf(),
                null);
        ContainerRecord created = runtime.create(req);
        try {
            runtime.start(id);
            Deque<String> tail = new ArrayDeque<>();
            runtime.followLogs(id, line -> {
                String text = line.text();
                output.accept(text);
                synchronized (tail) {
                    tail.addLast(text);
                    if (tail.size() > TAIL) {
                        tail.removeFirst();
                    }
                }
            });
            Optional<Integer> code = runtime.waitExit(id, Duration.ofDays(1));
            int exit = code.orElse(-1);
            if (exit != 0) {
                throw failed.apply(new Failure(exit, List.copyOf(tail)));
            }
            return capture.apply(created.rootfs().upperDir());
        } finally {
            runtime.delete(id, true);
        }
    }

    private static ContainerSpec spec(Process p) {
        return new ContainerSpec(
                p.argv(),
                List.of(),
                p.env(),
                p.workingDir(),
                p.user(),
                List.of(),
                "buildkitsandbox",
                p.mounts(),
                false,
                null,
                Map.of(),
                List.of(),
                List.of(),
                false,
                Map.of(),
                false,
                p.network(),
                p.shmSizeBytes(),
                true,
                false,
                null,
                Duration.ofSeconds(1));
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[12];
        new java.security.SecureRandom().nextBytes(b);
        return b;
    }
}
