package dev.jcompose.oci;

import dev.jcompose.oci.ContainerSpec.Network;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the OCI runtime spec of one container from the image's defaults and the service's
 * settings, with docker's semantics and security defaults. Pure: same inputs, same spec.
 *
 * <p>Decisions: a default pids limit of {@value #DEFAULT_PIDS_LIMIT} (docker has none; a fork bomb
 * in one service must not take the host's pid space), {@code no_new_privileges} on unless the
 * service turns it off, RLIMIT_NOFILE defaulting to (and clamped at) the host's hard limit.
 */
public final class SpecBuilder {
    public static final long DEFAULT_PIDS_LIMIT = 4096;
    public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    public static final String INIT_PATH = "/sbin/docker-init";
    static final long DEFAULT_SHM = 64L << 20;
    static final long CPU_PERIOD = 100_000;

    public RuntimeSpec build(ImageDefaults image, ContainerSpec svc, SpecContext ctx) {
        String hostname = svc.hostname() != null
                ? svc.hostname()
                : ctx.containerId().substring(0, Math.min(12, ctx.containerId().length()));
        String user = svc.user() != null ? svc.user() : image.user();
        RuntimeSpec.User u = UserResolver.of(ctx.rootfs()).resolve(user, svc.groupAdd());
        List<String> caps = SecurityDefaults.capabilities(svc.privileged(), svc.capAdd(), svc.capDrop()).stream()
                .filter(c -> (ctx.capabilityBounding() >>> SecurityDefaults.ALL_CAPS.indexOf(c) & 1) == 1)
                .toList();
        String cwd = svc.workingDir() != null && !svc.workingDir().isEmpty()
                ? svc.workingDir()
                : image.workingDir().isEmpty() ? "/" : image.workingDir();
        if (!cwd.startsWith("/")) {
            throw new SpecException("working_dir '" + cwd + "' is not an absolute path", "start it with /");
        }
        RuntimeSpec.Process process = new RuntimeSpec.Process(
                false,
                u,
                args(image, svc),
                env(image, svc, hostname),
                cwd,
                new RuntimeSpec.Capabilities(caps, caps, List.of(), caps, List.of()),
                rlimits(svc, ctx),
                svc.noNewPrivileges(),
                svc.options().oomScoreAdj());
        boolean ownNet = !(svc.network() instanceof Network.Host);
        RuntimeSpec.Linux linux = new RuntimeSpec.Linux(
                namespaces(svc.network(), svc.options()),
                resources(svc),
                ctx.cgroupsPath(),
                emptyToNull(sysctls(svc, ownNet)),
                svc.privileged() || !svc.seccomp() ? null : SecurityDefaults.seccomp(),
                svc.privileged() ? null : SecurityDefaults.MASKED_PATHS,
                svc.privileged() ? null : SecurityDefaults.READONLY_PATHS,
                devices(svc));
        return new RuntimeSpec(
                RuntimeSpec.VERSION,
                process,
                new RuntimeSpec.Root(ctx.rootfs().toString(), svc.readOnly()),
                hostname,
                MountPlanner.mounts(svc, ctx),
                linux,
                svc.options().domainname(),
                svc.options().annotations().isEmpty() ? null : svc.options().annotations());
    }

    /**
     * The service's sysctls (net.* and IPC ones, see {@link SecurityDefaults#sysctls}), refused for IPC in the
     * host's IPC namespace; plus kernel.domainname for {@code domainname}: runc before 1.2 ignores the
     * spec's field, the sysctl (UTS-namespaced) works everywhere, as docker did.
     */
    static Map<String, String> sysctls(ContainerSpec svc, boolean ownNet) {
        Map<String, String> out = new java.util.TreeMap<>(SecurityDefaults.sysctls(svc.sysctls(), ownNet));
        if (ContainerSpec.HOST.equals(svc.options().ipcNamespace())
                && out.keySet().stream().anyMatch(k -> !k.startsWith("net."))) {
            throw new SpecException(
                    "IPC sysctls cannot be set with ipc: host",
                    "they would change the host's IPC settings; drop them or give the service its own IPC namespace");
        }
        if (svc.options().domainname() != null) {
            out.put("kernel.domainname", svc.options().domainname());
        }
        return out;
    }

    /** Docker's rule: a service entrypoint replaces the image's and drops the image's cmd. */
    static List<String> args(ImageDefaults image, ContainerSpec svc) {
        List<String> entry;
        List<String> cmd;
        if (svc.entrypoint() != null) {
            entry = svc.entrypoint();
            cmd = svc.command() != null ? svc.command() : List.of();
        } else {
            entry = image.entrypoint() != null ? image.entrypoint() : List.of();
            cmd = svc.command() != null ? svc.command() : image.cmd() != null ? image.cmd() : List.of();
        }
        List<String> args = new ArrayList<>();
        if (svc.init()) {
            args.add(INIT_PATH);
            args.add("--");
        }
        args.addAll(entry);
        args.addAll(cmd);
        if (entry.isEmpty() && cmd.isEmpty()) {
            throw new SpecException(
                    "no command specified: the image has no entrypoint or cmd and the service " + "sets neither",
                    "add `command:` (or `entrypoint:`) to the service");
        }
        return List.copyOf(args);
    }

    /**
     * PATH (unless the image sets one), HOSTNAME, the image's env in order, then the service's, which
     * wins; a service variable without a value (null) removes the image's.
     */
    static List<String> env(ImageDefaults image, ContainerSpec svc, String hostname) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", DEFAULT_PATH);
        env.put("HOSTNAME", hostname);
        for (String kv : image.env()) {
            int eq = kv.indexOf('=');
            env.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
        }
        svc.environment().forEach((k, v) -> {
            if (v == null) {
                env.remove(k); // docker's KEY-only entry: the image's value is unset, not kept
            } else {
                env.put(k, v);
            }
        });
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private static List<RuntimeSpec.Rlimit> rlimits(ContainerSpec svc, SpecContext ctx) {
        Map<String, ContainerSpec.Ulimit> limits = new java.util.TreeMap<>();
        limits.put("nofile", new ContainerSpec.Ulimit(ctx.nofileHardLimit(), ctx.nofileHardLimit()));
        limits.putAll(svc.ulimits());
        List<RuntimeSpec.Rlimit> out = new ArrayList<>();
        for (var e : limits.entrySet()) {
            long hard = e.getValue().hard();
            long soft = e.getValue().soft();
            if (e.getKey().equals("nofile")) {
                hard = Math.min(hard, ctx.nofileHardLimit());
                soft = Math.min(soft, hard);
            }
            out.add(new RuntimeSpec.Rlimit("RLIMIT_" + e.getKey().toUpperCase(Locale.ROOT), hard, soft));
        }
        return out;
    }

    /** pid and ipc: a new one, none (the host's) or the path of another container's to join. */
    private static List<RuntimeSpec.Namespace> namespaces(Network network, ContainerSpec.Options o) {
        List<RuntimeSpec.Namespace> ns = new ArrayList<>();
        shared(ns, "pid", o.pidNamespace());
        shared(ns, "ipc", o.ipcNamespace());
        ns.add(new RuntimeSpec.Namespace("uts", null));
        ns.add(new RuntimeSpec.Namespace("mount", null));
        switch (network) {
            case Network.Path p -> ns.add(new RuntimeSpec.Namespace("network", p.netnsPath()));
            case Network.Isolated i -> ns.add(new RuntimeSpec.Namespace("network", null));
            case Network.Host h -> {}
        }
        return List.copyOf(ns);
    }

    /** {@code devices:} nodes (a privileged container has the host's /dev already). */
    private static List<RuntimeSpec.Device> devices(ContainerSpec svc) {
        if (svc.privileged() || svc.options().devices().isEmpty()) {
            return null;
        }
        return svc.options().devices().stream()
                .map(d -> new RuntimeSpec.Device(d.path(), d.type(), d.major(), d.minor(), d.fileMode(), 0, 0))
                .toList();
    }

    private static void shared(List<RuntimeSpec.Namespace> ns, String type, String choice) {
        if (choice == null) {
            ns.add(new RuntimeSpec.Namespace(type, null));
        } else if (!choice.equals(ContainerSpec.HOST)) {
            ns.add(new RuntimeSpec.Namespace(type, choice));
        }
    }

    private static RuntimeSpec.Resources resources(ContainerSpec svc) {
        ContainerSpec.Resources r = svc.resources();
        ContainerSpec.Options o = svc.options();
        RuntimeSpec.Memory mem = null;
        if (r.memoryBytes() != null) {
            // docker: swap unset means as much swap as memory (memory+swap = 2x); -1 is unlimited.
            Long swap = r.memorySwapBytes() == null ? 2 * r.memoryBytes() : r.memorySwapBytes();
            mem = new RuntimeSpec.Memory(r.memoryBytes(), swap, o.memoryReservationBytes());
        } else if (o.memoryReservationBytes() != null) {
            mem = new RuntimeSpec.Memory(null, null, o.memoryReservationBytes());
        }
        RuntimeSpec.Cpu cpu = null;
        if (r.cpus() != null
                || r.cpuShares() != null
                || r.cpusetCpus() != null
                || o.cpuQuota() != null
                || o.cpuPeriod() != null) {
            // docker: cpus is quota/period with a 100 ms period; cpu_quota/cpu_period set them directly
            Long period = o.cpuPeriod() != null
                    ? o.cpuPeriod()
                    : r.cpus() != null || o.cpuQuota() != null ? CPU_PERIOD : null;
            Long quota = o.cpuQuota() != null ? o.cpuQuota() : r.cpus() == null ? null : Math.round(r.cpus() * period);
            cpu = new RuntimeSpec.Cpu(r.cpuShares(), quota, period, r.cpusetCpus());
        }
        long pids = r.pidsLimit() == null ? DEFAULT_PIDS_LIMIT : r.pidsLimit();
        List<RuntimeSpec.DeviceRule> devices =
                new ArrayList<>(List.of(new RuntimeSpec.DeviceRule(svc.privileged(), "a", null, null, "rwm")));
        if (!svc.privileged()) {
            svc.options()
                    .devices()
                    .forEach(d ->
                            devices.add(new RuntimeSpec.DeviceRule(true, d.type(), d.major(), d.minor(), d.access())));
            svc.options()
                    .deviceRules()
                    .forEach(d ->
                            devices.add(new RuntimeSpec.DeviceRule(true, d.type(), d.major(), d.minor(), d.access())));
        }
        return new RuntimeSpec.Resources(devices, mem, cpu, pids > 0 ? new RuntimeSpec.Pids(pids) : null);
    }

    private static <K, V> Map<K, V> emptyToNull(Map<K, V> m) {
        return m.isEmpty() ? null : m;
    }
}
