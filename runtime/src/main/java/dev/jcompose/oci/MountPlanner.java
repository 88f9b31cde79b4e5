package dev.jcompose.oci;

import dev.jcompose.oci.ContainerSpec.Network;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The container's mounts: docker's standard file systems, the per-container files, then the service's. */
final class MountPlanner {
    private MountPlanner() {}

    static List<RuntimeSpec.Mount> mounts(ContainerSpec svc, SpecContext ctx) {
        List<RuntimeSpec.Mount> m = new ArrayList<>();
        m.add(mount("/proc", "proc", "proc", "nosuid", "noexec", "nodev"));
        if (svc.privileged()) {
            // docker gives privileged containers every host device; a recursive bind of the host's /dev
            // does that (runc then creates no device nodes of its own), the mounts below stack on it
            // inside the container's mount namespace only.
            m.add(new RuntimeSpec.Mount("/dev", "bind", "/dev", List.of("rbind", "nosuid", "rslave")));
        } else {
            m.add(mount("/dev", "tmpfs", "tmpfs", "nosuid", "strictatime", "mode=755", "size=65536k"));
        }
        m.add(mount(
                "/dev/pts",
                "devpts",
                "devpts",
                "nosuid",
                "noexec",
                "newinstance",
                "ptmxmode=0666",
                "mode=0620",
                "gid=5"));
        m.add(mount("/sys", "sysfs", "sysfs", "nosuid", "noexec", "nodev", svc.privileged() ? "rw" : "ro"));
        m.add(mount(
                "/sys/fs/cgroup",
                "cgroup",
                "cgroup",
                "nosuid",
                "noexec",
                "nodev",
                "relatime",
                svc.privileged() ? "rw" : "ro"));
        shmAndMqueue(m, svc);
        bindFile(m, "/etc/hosts", ctx.hostsFile());
        bindFile(m, "/etc/resolv.conf", ctx.resolvConf());
        bindFile(m, "/etc/hostname", ctx.hostnameFile());
        if (svc.init()) {
            if (ctx.initBinary() == null) {
                throw new SpecException(
                        "the service asks for `init: true` but no init binary was found",
                        "install tini or catatonit (apt-get install tini)");
            }
            m.add(new RuntimeSpec.Mount(
                    SpecBuilder.INIT_PATH,
                    "bind",
                    ctx.initBinary().toString(),
                    List.of("rbind", "ro", "nosuid", "nodev")));
        }
        for (ContainerSpec.VolumeMount v : svc.mounts()) {
            requireAbsolute(v.target());
            switch (v) {
                case ContainerSpec.Bind b ->
                    m.add(new RuntimeSpec.Mount(
                            b.target(), "bind", b.source(), List.of("rbind", b.readOnly() ? "ro" : "rw", "rprivate")));
                case ContainerSpec.Tmpfs t -> {
                    List<String> o = new ArrayList<>(List.of("nosuid", "nodev"));
                    o.add("mode=" + Integer.toOctalString(t.mode() != null ? t.mode() : 01777));
                    if (t.sizeBytes() != null) {
                        o.add("size=" + t.sizeBytes());
                    }
                    m.add(new RuntimeSpec.Mount(t.target(), "tmpfs", "tmpfs", List.copyOf(o)));
                }
            }
        }
        if (svc.network() instanceof Network.Host) {
            // In the host's network namespace a fresh sysfs would show the host's interfaces anyway.
            m.replaceAll(x -> x.destination().equals("/sys")
                    ? new RuntimeSpec.Mount("/sys", "bind", "/sys", List.of("rbind", "nosuid", "noexec", "nodev", "ro"))
                    : x);
        }
        return List.copyOf(m);
    }

    /**
     * docker's rule: an own IPC namespace gets its own mqueue and a fresh /dev/shm; ipc host binds the
     * host's; a shareable owner and those joining it bind one host directory ({@code ipcShm}) as /dev/shm,
     * so both see the same POSIX shared memory (a mount of another mount namespace cannot be bound).
     */
    private static void shmAndMqueue(List<RuntimeSpec.Mount> m, ContainerSpec svc) {
        String ipc = svc.options().ipcNamespace();
        if (ContainerSpec.HOST.equals(ipc)) {
            m.add(new RuntimeSpec.Mount(
                    "/dev/mqueue", "bind", "/dev/mqueue", List.of("rbind", "nosuid", "noexec", "nodev")));
            m.add(new RuntimeSpec.Mount("/dev/shm", "bind", "/dev/shm", List.of("rbind", "nosuid", "noexec", "nodev")));
            return;
        }
        m.add(mount("/dev/mqueue", "mqueue", "mqueue", "nosuid", "noexec", "nodev"));
        if (svc.options().ipcShm() != null) {
            m.add(new RuntimeSpec.Mount(
                    "/dev/shm", "bind", svc.options().ipcShm(), List.of("rbind", "nosuid", "noexec", "nodev")));
            return;
        }
        long shm = svc.shmSizeBytes() != null ? svc.shmSizeBytes() : SpecBuilder.DEFAULT_SHM;
        m.add(mount("/dev/shm", "tmpfs", "shm", "nosuid", "noexec", "nodev", "mode=1777", "size=" + shm));
    }

    private static void bindFile(List<RuntimeSpec.Mount> m, String dest, Path source) {
        if (source != null) {
            m.add(new RuntimeSpec.Mount(dest, "bind", source.toString(), List.of("rbind", "rprivate")));
        }
    }

    private static void requireAbsolute(String target) {
        if (!target.startsWith("/")) {
            throw new SpecException("mount target '" + target + "' is not an absolute path", "start it with /");
        }
    }

    private static RuntimeSpec.Mount mount(String dest, String type, String source, String... options) {
        return new RuntimeSpec.Mount(dest, type, source, List.of(options));
    }
}
