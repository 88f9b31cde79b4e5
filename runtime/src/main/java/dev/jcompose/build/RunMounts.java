package dev.jcompose.build;

import dev.jcompose.dockerfile.DockerfileException;
import dev.jcompose.dockerfile.Instruction;
import dev.jcompose.dockerfile.RunMount;
import dev.jcompose.oci.ContainerSpec;
import dev.jcompose.rootfs.RootfsPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A RUN's mounts as the container's volumes: {@code cache} (a directory of the build cache that
 * outlives builds), {@code bind} (read-only, from the context or another stage), {@code secret} (the
 * secret's file, read-only), {@code tmpfs}; plus /etc/hosts and /etc/resolv.conf for its network.
 * Closing releases what it mounted for the step.
 */
final class RunMounts implements AutoCloseable {
    private final List<ContainerSpec.VolumeMount> volumes = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();
    private final List<AutoCloseable> held = new ArrayList<>();
    private Path hostsFile;
    private Path resolvConf;
    private Path dir;

    private RunMounts() {}

    static RunMounts of(BuildSession session, dev.jcompose.dockerfile.Stage stage, Instruction.Run run) {
        RunMounts m = new RunMounts();
        try {
            m.dir = Files.createTempDirectory(Files.createDirectories(session.workRoot), "run.");
            for (RunMount mount : run.mounts()) {
                m.add(session, stage, run, mount);
            }
            m.network(session, run);
            return m;
        } catch (IOException e) {
            m.close();
            throw new UncheckedIOException("cannot prepare the mounts of " + run.at() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    private void add(BuildSession session, dev.jcompose.dockerfile.Stage stage, Instruction.Run run, RunMount mount)
            throws IOException {
        String target = target(run, mount);
        switch (mount.type()) {
            case "cache" -> {
                String id = mount.id() != null ? mount.id() : target;
                Path dir = session.cache.cacheMount(id);
                volumes.add(new ContainerSpec.Bind(dir.toString(), target, mount.readOnly()));
            }
            case "bind" -> volumes.add(new ContainerSpec.Bind(bindSource(session, stage, run, mount), target, true));
            case "secret" -> {
                String id = mount.id() != null
                        ? mount.id()
                        : Path.of(target).getFileName().toString();
                Path file = session.request.secrets().get(id);
                if (file == null) {
                    if (mount.required()) {
                        throw new DockerfileException(
                                run.at(), "secret " + id + " is required but was not given", "add it to build.secrets");
                    }
                    return;
                }
                volumes.add(new ContainerSpec.Bind(file.toString(), target, true));
            }
            case "tmpfs" -> volumes.add(new ContainerSpec.Tmpfs(target, mount.size(), null));
            default ->
                throw new DockerfileException(
                        run.at(), "unknown mount type " + mount.type(), "use cache, bind, secret or tmpfs");
        }
        targets.add(target);
    }

    private static String target(Instruction.Run run, RunMount mount) {
        if (mount.target() != null && !mount.target().isEmpty()) {
            return mount.target().startsWith("/") ? mount.target() : "/" + mount.target();
        }
        if (mount.type().equals("secret")) {
            return "/run/secrets/" + mount.id();
        }
        throw new DockerfileException(run.at(), "--mount=type=" + mount.type() + " needs a target", "add target=/path");
    }

    /** The context's path (or another stage's), never outside it. */
    private String bindSource(
            BuildSession session, dev.jcompose.dockerfile.Stage stage, Instruction.Run run, RunMount mount) {
        String source = mount.source() == null ? "/" : mount.source();
        if (mount.from() == null) {
            return RootfsPath.resolve(session.context.root(), source).toString();
        }
        StageState from = session.from(stage, run.at(), mount.from());
        StepOverlay overlay = StepOverlay.mount(
                session.mounter, session.images.snapshots().root(), session.lowers(from), session.workRoot);
        held.add(overlay);
        return RootfsPath.resolve(overlay.root(), source).toString();
    }

    /** none: only localhost; otherwise the host's network, with its resolv.conf. Extra hosts in both. */
    private void network(BuildSession session, Instruction.Run run) throws IOException {
        StringBuilder hosts = new StringBuilder("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n");
        for (String entry : session.request.extraHosts()) {
            int sep = entry.indexOf('=') > 0 ? entry.indexOf('=') : entry.indexOf(':');
            if (sep <= 0) {
                throw new DockerfileException(run.at(), "invalid extra host " + entry, "use host=ip or host:ip");
            }
            hosts.append(entry.substring(sep + 1))
                    .append('\t')
                    .append(entry, 0, sep)
                    .append('\n');
        }
        hostsFile = Files.writeString(dir.resolve("hosts"), hosts);
        targets.add("/etc/hosts");
        String network = session.network(run);
        Path hostResolv = Path.of("/etc/resolv.conf");
        if (!"none".equals(network) && Files.isReadable(hostResolv)) {
            resolvConf = Files.copy(hostResolv, dir.resolve("resolv.conf"));
            targets.add("/etc/resolv.conf");
        }
    }

    List<ContainerSpec.VolumeMount> volumes() {
        return List.copyOf(volumes);
    }

    /** Where the container has mounts: runc makes missing mount points, which must not end in the layer. */
    List<String> targets() {
        return List.copyOf(targets);
    }

    Path hostsFile() {
        return hostsFile;
    }

    Path resolvConf() {
        return resolvConf;
    }

    @Override
    public void close() {
        for (AutoCloseable c : held.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot release a RUN mount: " + e.getMessage(), e);
            }
        }
        if (dir != null) {
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + dir + ": " + e.getMessage(), e);
            }
        }
    }
}
