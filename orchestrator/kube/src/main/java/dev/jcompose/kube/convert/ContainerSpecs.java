package dev.jcompose.kube.convert;

import dev.jcompose.model.Deploy;
import dev.jcompose.model.Resource;
import dev.jcompose.model.ServiceConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A service's container: image, command, environment, ports, resources, security settings and
 * probes. compose's {@code entrypoint} is Kubernetes' {@code command} and compose's {@code command} its
 * {@code args}; Kubernetes expands {@code $(VAR)} in both, which compose does not, so {@code $(} is
 * written {@code $$(} to reach the process as written.
 */
final class ContainerSpecs {
    private final ConversionContext scope;

    ContainerSpecs(ConversionContext scope) {
        this.scope = scope;
    }

    Container of(String service, List<EnvFromSource> env, List<VolumeMount> mounts) {
        ServiceConfig s = scope.project().services().get(service);
        ContainerBuilder b = new ContainerBuilder()
                .withName(scope.services().get(service))
                .withImage(s.image())
                .withImagePullPolicy(pullPolicy(service, s.pullPolicy()))
                .withCommand(escape(s.entrypoint()))
                .withArgs(escape(s.command()))
                .withWorkingDir(blankToNull(s.workingDir()))
                .withEnvFrom(env)
                .withPorts(Endpoints.containerPorts(s).stream()
                        .map(p -> new ContainerPortBuilder()
                                .withContainerPort((int) p.number())
                                .withProtocol(p.protocol())
                                .build())
                        .toList())
                .withVolumeMounts(mounts)
                .withTty(s.tty() ? Boolean.TRUE : null)
                .withStdin(s.stdinOpen() ? Boolean.TRUE : null)
                .withSecurityContext(security(service, s));
        if (s.entrypoint() != null && s.entrypoint().isEmpty()) {
            scope.warnings()
                    .add(service, "entrypoint", "[] cannot clear the image's entrypoint on Kubernetes: it is kept");
        }
        resources(service, s, b);
        Probes.of(s.healthcheck(), false).ifPresent(b::withReadinessProbe);
        if (scope.options().liveness()) {
            Probes.of(s.healthcheck(), true).ifPresent(b::withLivenessProbe);
        }
        return b.build();
    }

    private static List<String> escape(List<String> args) {
        return args == null
                ? null
                : args.stream().map(a -> a.replace("$(", "$$(")).toList();
    }

    private String pullPolicy(String service, String policy) {
        if (policy == null || policy.isEmpty()) {
            return null;
        }
        return switch (policy) {
            case "always" -> "Always";
            case "never" -> "Never";
            case "missing", "if_not_present" -> "IfNotPresent";
            default -> {
                scope.warnings().add(service, "pull_policy", policy + " is not translated (IfNotPresent)");
                yield "IfNotPresent";
            }
        };
    }

    private SecurityContext security(String service, ServiceConfig s) {
        SecurityContextBuilder b = new SecurityContextBuilder();
        boolean any = false;
        if (!s.capAdd().isEmpty() || !s.capDrop().isEmpty()) {
            b.withNewCapabilities()
                    .withAdd(caps(s.capAdd()))
                    .withDrop(caps(s.capDrop()))
                    .endCapabilities();
            any = true;
        }
        if (s.privileged()) {
            b.withPrivileged(true);
            any = true;
        }
        if (s.readOnly()) {
            b.withReadOnlyRootFilesystem(true);
            any = true;
        }
        if (s.user() != null && !s.user().isEmpty()) {
            String[] ug = s.user().split(":", 2);
            if (ug[0].matches("\\d+") && (ug.length == 1 || ug[1].matches("\\d+"))) {
                b.withRunAsUser(Long.parseLong(ug[0]));
                if (ug.length > 1) {
                    b.withRunAsGroup(Long.parseLong(ug[1]));
                }
                any = true;
            } else {
                scope.warnings()
                        .add(
                                service,
                                "user",
                                "\"" + s.user()
                                        + "\" is not translated: Kubernetes takes numeric ids only (runAsUser)");
            }
        }
        return any ? b.build() : null;
    }

    private static List<String> caps(List<String> caps) {
        return caps.stream()
                .map(c -> c.toUpperCase(Locale.ROOT).replaceFirst("^CAP_", ""))
                .sorted()
                .toList();
    }

    /** deploy.resources, else the service-level cpus, mem_limit and mem_reservation. */
    private void resources(String service, ServiceConfig s, ContainerBuilder b) {
        Deploy d = s.deploy();
        Resource limits = d == null ? null : d.resources().limits();
        Resource reservations = d == null ? null : d.resources().reservations();
        SortedMap<String, Quantity> lim = quantities(
                limits != null && limits.cpus() > 0 ? limits.cpus() : s.cpus(),
                limits != null && limits.memory() > 0 ? limits.memory() : s.memLimit());
        SortedMap<String, Quantity> req = quantities(
                reservations == null ? 0 : reservations.cpus(),
                reservations != null && reservations.memory() > 0 ? reservations.memory() : s.memReservation());
        if ((limits != null && limits.pids() > 0) || s.pidsLimit() > 0) {
            scope.warnings().add(service, "pids_limit", "is not translated: Kubernetes sets pid limits per node");
        }
        if (!lim.isEmpty() || !req.isEmpty()) {
            b.withNewResources()
                    .withLimits(lim.isEmpty() ? null : lim)
                    .withRequests(req.isEmpty() ? null : req)
                    .endResources();
        }
    }

    private static SortedMap<String, Quantity> quantities(float cpus, long memory) {
        SortedMap<String, Quantity> m = new TreeMap<>();
        if (cpus > 0) {
            m.put("cpu", new Quantity(Math.max(1, Math.round(cpus * 1000)) + "m"));
        }
        if (memory > 0) {
            m.put("memory", new Quantity(memory(memory)));
        }
        return m;
    }

    /** Bytes in the largest binary unit that divides them exactly. */
    static String memory(long bytes) {
        String[] units = {"Gi", "Mi", "Ki"};
        long[] sizes = {1L << 30, 1L << 20, 1L << 10};
        for (int i = 0; i < units.length; i++) {
            if (bytes % sizes[i] == 0) {
                return bytes / sizes[i] + units[i];
            }
        }
        return String.valueOf(bytes);
    }

    /** The environment as envFrom sources: a ConfigMap, and a Secret for variables named like credentials. */
    static List<EnvFromSource> envFrom(String configMap, boolean hasPlain, String secret, boolean hasSecret) {
        java.util.ArrayList<EnvFromSource> out = new java.util.ArrayList<>();
        if (hasPlain) {
            out.add(new EnvFromSourceBuilder()
                    .withNewConfigMapRef()
                    .withName(configMap)
                    .endConfigMapRef()
                    .build());
        }
        if (hasSecret) {
            out.add(new EnvFromSourceBuilder()
                    .withNewSecretRef()
                    .withName(secret)
                    .endSecretRef()
                    .build());
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
