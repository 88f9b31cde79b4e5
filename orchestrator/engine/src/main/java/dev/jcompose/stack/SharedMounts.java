package dev.jcompose.stack;

import dev.jcompose.api.StackException;
import dev.jcompose.container.ContainerRecord;
import dev.jcompose.model.Project;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.oci.ContainerSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a service takes from another container, like docker: {@code pid}/{@code ipc} {@code service:x}
 * or {@code container:x} join that container's namespace (by its first process's
 * {@code /proc/<pid>/ns/...}, as {@code network_mode: service:} does), {@code host} uses the host's;
 * {@code volumes_from} mounts the other container's volumes and binds at the same paths, all read-only
 * with {@code :ro}, all writable with {@code :rw}, each as it was otherwise. Its own secret and config
 * files are not shared.
 */
final class SharedMounts {
    private final Containers containers;

    SharedMounts(Containers containers) {
        this.containers = containers;
    }

    /**
     * The pid/ipc choice of container {@code id} of {@code service}. A shareable IPC owner ({@code ipc:
     * shareable}, or named by another service's {@code ipc: service:}) gets its /dev/shm from a directory
     * of its own files, which a container joining it binds too.
     */
    ServiceSpecs.SharedNamespaces namespaces(Project project, String service, ServiceConfig s, String id) {
        String pid = namespace(project.name(), "pid", s.pid());
        String ipcValue =
                s.ipc() == null || s.ipc().equals("private") || s.ipc().equals("shareable") ? null : s.ipc();
        String ipc = namespace(project.name(), "ipc", ipcValue);
        String shm = null;
        if (ipc != null && !ipc.equals(ContainerSpec.HOST)) {
            Path owner = shmDir(other(project.name(), "ipc", ipcValue).id());
            shm = Files.isDirectory(owner) ? owner.toString() : null;
        } else if (ipc == null && shareable(project, service, s)) {
            shm = createShm(id).toString();
        }
        return new ServiceSpecs.SharedNamespaces(pid, ipc, shm);
    }

    private static boolean shareable(Project project, String service, ServiceConfig s) {
        return "shareable".equals(s.ipc())
                || project.services().values().stream().anyMatch(o -> ("service:" + service).equals(o.ipc()));
    }

    private Path shmDir(String id) {
        return containers.files().hosts(id).getParent().resolve("shm");
    }

    private Path createShm(String id) {
        Path dir = shmDir(id);
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.setAttribute(dir, "unix:mode", 01777);
            return dir;
        } catch (IOException e) {
            throw new StackException(
                    "cannot create the shared /dev/shm " + dir + ": " + e.getMessage(),
                    "check the run root's file system");
        }
    }

    private String namespace(String project, String key, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.equals(ContainerSpec.HOST)) {
            return ContainerSpec.HOST;
        }
        ContainerRecord other = other(project, key, value);
        long pid = containers
                .runtime()
                .pid(other.id())
                .orElseThrow(() -> new StackException(
                        key + " " + value + ": container " + other.name() + " is not running", "start it first"));
        return "/proc/" + pid + "/ns/" + key;
    }

    private ContainerRecord other(String project, String key, String value) {
        if (value.startsWith("service:")) {
            return containers.runtime().inspect(containers.firstOfService(project, value.substring(8), key));
        }
        if (value.startsWith("container:")) {
            return containers.require(value.substring(10));
        }
        throw new StackException(key + " '" + value + "' is not supported", "use host, service:NAME or container:NAME");
    }

    /** The mounts {@code volumes_from} adds, except at targets the service mounts itself. */
    List<ContainerSpec.VolumeMount> volumesFrom(
            String project, ServiceConfig s, Collection<ContainerSpec.VolumeMount> own) {
        Set<String> targets = new HashSet<>();
        own.forEach(m -> targets.add(m.target()));
        List<ContainerSpec.VolumeMount> out = new ArrayList<>();
        for (String entry : s.volumesFrom()) {
            String[] parts = entry.split(":");
            boolean container = parts[0].equals("container");
            String ref = container ? parts[1] : parts[0];
            String mode = parts.length > (container ? 2 : 1) ? parts[parts.length - 1] : "";
            ContainerRecord other = container
                    ? containers.require(ref)
                    : containers.runtime().inspect(containers.firstOfService(project, ref, "volumes_from"));
            String filesDir = containers.files().hosts(other.id()).getParent().toString() + "/";
            for (ContainerSpec.VolumeMount m : other.spec().mounts()) {
                if (m instanceof ContainerSpec.Bind b && !b.source().startsWith(filesDir) && targets.add(b.target())) {
                    boolean ro = mode.equals("ro") || (!mode.equals("rw") && b.readOnly());
                    out.add(new ContainerSpec.Bind(b.source(), b.target(), ro));
                }
            }
        }
        return out;
    }
}
