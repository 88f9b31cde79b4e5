package dev.jcompose.stack;

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
    private ServiceSpecs() {
    }

    static ContainerSpec spec(ServiceConfig s, String hostname, List<ContainerSpec.VolumeMount> mounts,
            ContainerSpec.Network network) {
        Map<String, String> env = new TreeMap<>();
        s.environment().forEach((k, v) -> {
            if (v != null) {
                env.put(k, v);
            }
        });
        boolean noNewPrivileges = s.securityOpt().stream()
                .anyMatch(o -> o.equals("no-new-privileges") || o.equals("no-new-privileges:true") || o.equals("no-new-privileges=true"));
        boolean seccomp = s.securityOpt().stream().noneMatch(o -> o.equals("seccomp:unconfined") || o.equals("seccomp=unconfined"));
        return new ContainerSpec(s.entrypoint(), s.command(), env, emptyToNull(s.workingDir()), emptyToNull(s.user()),
                s.groupAdd(), hostname, mounts, s.readOnly(), resources(s), ulimits(s), s.capAdd(), s.capDrop(),
                s.privileged(), s.sysctls(), Boolean.TRUE.equals(s.init()), network,
                s.shmSize() > 0 ? s.shmSize() : null, seccomp, noNewPrivileges, emptyToNull(s.stopSignal()),
                s.stopGracePeriod());
    }

    /** {@code mem_limit}/{@code cpus}/{@code pids_limit}, else {@code deploy.resources.limits}. */
    static ContainerSpec.Resources resources(ServiceConfig s) {
        Resource limits = s.deploy() == null || s.deploy().resources() == null ? null : s.deploy().resources().limits();
        long memory = s.memLimit() > 0 ? s.memLimit() : limits == null ? 0 : limits.memory();
        double cpus = s.cpus() > 0 ? s.cpus() : limits == null ? 0 : limits.cpus();
        long pids = s.pidsLimit() != 0 ? s.pidsLimit() : limits == null ? 0 : limits.pids();
        return new ContainerSpec.Resources(memory > 0 ? memory : null, s.memswapLimit() != 0 ? s.memswapLimit() : null,
                cpus > 0 ? cpus : null, s.cpuShares() > 0 ? s.cpuShares() : null, emptyToNull(s.cpuset()),
                pids != 0 ? pids : null);
    }

    static Map<String, ContainerSpec.Ulimit> ulimits(ServiceConfig s) {
        Map<String, ContainerSpec.Ulimit> out = new TreeMap<>();
        s.ulimits().forEach((name, u) -> out.put(name, u.single() > 0
                ? new ContainerSpec.Ulimit(u.single(), u.single()) : new ContainerSpec.Ulimit(u.soft(), u.hard())));
        return out;
    }

    /** {@code tmpfs:} entries ({@code /path[:options]}) as tmpfs mounts. */
    static List<ContainerSpec.VolumeMount> tmpfs(ServiceConfig s) {
        List<ContainerSpec.VolumeMount> out = new ArrayList<>();
        for (String t : s.tmpfs()) {
            int colon = t.indexOf(':');
            out.add(new ContainerSpec.Tmpfs(colon < 0 ? t : t.substring(0, colon), null, null));
        }
        return out;
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
