package dev.jcompose.stack;

import dev.jcompose.api.StackException;
import dev.jcompose.model.Healthcheck;
import dev.jcompose.model.Resource;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.oci.ContainerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pure: a service's configuration in runtime terms ({@link ContainerSpec}), given what needed I/O
 * already resolved (mounts, network namespace, hostname).
 */
final class ServiceSpecs {
    private ServiceSpecs() {}

    /** Namespaces a service shares, resolved (pid/ipc: null own, {@code host}, or a path to join). */
    record SharedNamespaces(String pid, String ipc, String ipcShm) {
        static final SharedNamespaces NONE = new SharedNamespaces(null, null, null);
    }

    /**
     * Refuses, when a container of the service is created, a healthcheck docker would run wrongly:
     * {@code start_interval} without {@code start_period} (moby applies no start interval then), as
     * docker compose refuses it at the same point; {@code config} and the other services still work.
     */
    static void checkHealthcheck(String service, ServiceConfig s) {
        Healthcheck h = s.healthcheck();
        if (h != null && h.startInterval() != null && h.startPeriod() == null) {
            throw new StackException(
                    "service \"" + service
                            + "\": healthcheck.start_interval requires healthcheck.start_period to be set",
                    "add start_period to the healthcheck (the time during which start_interval applies), "
                            + "or drop start_interval");
        }
    }

    static ContainerSpec spec(
            ServiceConfig s,
            String hostname,
            List<ContainerSpec.VolumeMount> mounts,
            ContainerSpec.Network network,
            SharedNamespaces shared) {
        return spec(s, hostname, mounts, network)
                .withOptions(new ContainerSpec.Options(
                        emptyToNull(s.domainname()),
                        s.oomScoreAdj() != 0 ? (int) s.oomScoreAdj() : null,
                        s.memReservation() > 0 ? s.memReservation() : null,
                        s.cpuQuota() != 0 ? s.cpuQuota() : null,
                        s.cpuPeriod() > 0 ? s.cpuPeriod() : null,
                        shared.pid(),
                        shared.ipc(),
                        shared.ipcShm()));
    }

    static ContainerSpec spec(
            ServiceConfig s, String hostname, List<ContainerSpec.VolumeMount> mounts, ContainerSpec.Network network) {
        // a KEY-only entry nothing set stays null: it unsets the image's variable, as docker does
        Map<String, String> env = new TreeMap<>(s.environment());
        boolean noNewPrivileges = s.securityOpt().stream()
                .anyMatch(o -> o.equals("no-new-privileges")
                        || o.equals("no-new-privileges:true")
                        || o.equals("no-new-privileges=true"));
        boolean seccomp = s.securityOpt().stream()
                .noneMatch(o -> o.equals("seccomp:unconfined") || o.equals("seccomp=unconfined"));
        return new ContainerSpec(
                s.entrypoint(),
                s.command(),
                env,
                emptyToNull(s.workingDir()),
                emptyToNull(s.user()),
                s.groupAdd(),
                hostname,
                mounts,
                s.readOnly(),
                resources(s),
                ulimits(s),
                s.capAdd(),
                s.capDrop(),
                s.privileged(),
                s.sysctls(),
                Boolean.TRUE.equals(s.init()),
                network,
                s.shmSize() > 0 ? s.shmSize() : null,
                seccomp,
                noNewPrivileges,
                emptyToNull(s.stopSignal()),
                s.stopGracePeriod());
    }

    /** {@code mem_limit}/{@code cpus}/{@code pids_limit}, else {@code deploy.resources.limits}. */
    static ContainerSpec.Resources resources(ServiceConfig s) {
        Resource limits = s.deploy() == null || s.deploy().resources() == null
                ? null
                : s.deploy().resources().limits();
        long memory = s.memLimit() > 0 ? s.memLimit() : limits == null ? 0 : limits.memory();
        double cpus = s.cpus() > 0 ? s.cpus() : limits == null ? 0 : limits.cpus();
        long pids = s.pidsLimit() != 0 ? s.pidsLimit() : limits == null ? 0 : limits.pids();
        return new ContainerSpec.Resources(
                memory > 0 ? memory : null,
                s.memswapLimit() != 0 ? s.memswapLimit() : null,
                cpus > 0 ? cpus : null,
                s.cpuShares() > 0 ? s.cpuShares() : null,
                emptyToNull(s.cpuset()),
                pids != 0 ? pids : null);
    }

    static Map<String, ContainerSpec.Ulimit> ulimits(ServiceConfig s) {
        Map<String, ContainerSpec.Ulimit> out = new TreeMap<>();
        s.ulimits()
                .forEach((name, u) -> out.put(
                        name,
                        u.single() > 0
                                ? new ContainerSpec.Ulimit(u.single(), u.single())
                                : new ContainerSpec.Ulimit(u.soft(), u.hard())));
        return out;
    }

    /** {@code tmpfs:} entries ({@code /path[:size=64m,mode=1770]}) as tmpfs mounts; other options are audited. */
    static List<ContainerSpec.VolumeMount> tmpfs(ServiceConfig s) {
        List<ContainerSpec.VolumeMount> out = new ArrayList<>();
        for (String t : s.tmpfs()) {
            int colon = t.indexOf(':');
            Long size = null;
            Integer mode = null;
            for (String o : colon < 0 ? new String[0] : t.substring(colon + 1).split(",")) {
                if (o.startsWith("size=")) {
                    size = tmpfsSize(t, o.substring(5));
                } else if (o.startsWith("mode=")) {
                    mode = tmpfsMode(t, o.substring(5));
                }
            }
            out.add(new ContainerSpec.Tmpfs(colon < 0 ? t : t.substring(0, colon), size, mode));
        }
        return out;
    }

    private static long tmpfsSize(String entry, String v) {
        try {
            return dev.jcompose.quantity.ByteSize.parse(v);
        } catch (IllegalArgumentException e) {
            throw new StackException("tmpfs " + entry + ": invalid size '" + v + "'", "use e.g. size=64m");
        }
    }

    private static int tmpfsMode(String entry, String v) {
        try {
            int mode = Integer.parseInt(v, 8);
            if (mode >= 0 && mode <= 07777) {
                return mode;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StackException("tmpfs " + entry + ": invalid mode '" + v + "'", "use octal, e.g. mode=1770");
    }

    /** The healthcheck command as exec argv: the service's, else the image's; null for none. */
    static List<String> healthcheckArgv(ServiceConfig s, List<String> imageTest) {
        List<String> test = imageTest;
        if (s.healthcheck() != null) {
            if (s.healthcheck().disabled()) {
                return null;
            }
            if (!s.healthcheck().test().isEmpty()) {
                test = s.healthcheck().test();
            }
        }
        if (test == null || test.isEmpty()) {
            return null;
        }
        return switch (test.getFirst()) {
            case "NONE" -> null;
            case "CMD" -> test.size() > 1 ? test.subList(1, test.size()) : null;
            case "CMD-SHELL" -> List.of("/bin/sh", "-c", String.join(" ", test.subList(1, test.size())));
            default -> List.of("/bin/sh", "-c", String.join(" ", test));
        };
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
