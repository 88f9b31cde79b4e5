package dev.jcompose.kube.convert;

import dev.jcompose.model.ServiceConfig;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.HostAlias;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Sysctl;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A service's workload: a Deployment with {@code scale} (or {@code deploy.replicas}) replicas, or a
 * Job for a one-shot ({@code restart: "no"}), with the pod template every other part contributes to,
 * and the objects that template refers to (its environment's ConfigMap and Secret, bind-mounted files).
 */
final class Workloads {
    /** Variables whose names look like credentials go to a Secret rather than a ConfigMap. */
    private static final Pattern CREDENTIAL =
            Pattern.compile("(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL).*");

    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

    private final ConversionContext scope;

    Workloads(ConversionContext scope) {
        this.scope = scope;
    }

    List<HasMetadata> of(String service) {
        ServiceConfig s = scope.project().services().get(service);
        String name = scope.services().get(service);
        List<HasMetadata> out = new ArrayList<>();
        List<Volume> volumes = new ArrayList<>();
        List<VolumeMount> mounts = new ArrayList<>();
        new Storage(scope).mount(service, volumes, mounts, out);
        new FileObjects(scope).mount(service, volumes, mounts);
        List<EnvFromSource> env = environment(service, s, name, out);
        PodTemplateSpec template = template(service, s, name, env, volumes, mounts);
        out.add("no".equals(s.restart()) ? job(s, name, template) : deployment(service, s, name, template));
        return out;
    }

    private HasMetadata job(ServiceConfig s, String name, PodTemplateSpec template) {
        template.getSpec().setRestartPolicy("Never");
        int n = s.effectiveScale();
        return new JobBuilder()
                .withMetadata(meta(name, s))
                .withNewSpec()
                .withBackoffLimit(0)
                .withCompletions(n == 1 ? null : n)
                .withParallelism(n == 1 ? null : n)
                .withTemplate(template)
                .endSpec()
                .build();
    }

    private HasMetadata deployment(String service, ServiceConfig s, String name, PodTemplateSpec template) {
        if (s.restart() != null && s.restart().startsWith("on-failure")) {
            scope.warnings()
                    .add(
                            service,
                            "restart",
                            s.restart() + " becomes Always: a Deployment restarts its pods whatever their exit code");
        }
        return new DeploymentBuilder()
                .withMetadata(meta(name, s))
                .withNewSpec()
                .withReplicas(s.effectiveScale())
                .withNewSelector()
                .withMatchLabels(ObjectLabels.selector(scope.projectName(), name))
                .endSelector()
                .withTemplate(template)
                .endSpec()
                .build();
    }

    private ObjectMeta meta(String name, ServiceConfig s) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withLabels(ObjectLabels.of(scope.projectName(), name))
                .withAnnotations(annotations(s))
                .build();
    }

    /** compose {@code labels} and {@code annotations}: free-form values, so annotations on Kubernetes. */
    private static SortedMap<String, String> annotations(ServiceConfig s) {
        SortedMap<String, String> m = new TreeMap<>(s.labels());
        m.putAll(s.annotations());
        return m.isEmpty() ? null : m;
    }

    private PodTemplateSpec template(
            String service,
            ServiceConfig s,
            String name,
            List<EnvFromSource> env,
            List<Volume> volumes,
            List<VolumeMount> mounts) {
        SortedMap<String, String> labels = ObjectLabels.of(scope.projectName(), name);
        if (scope.project().networks().size() > 1) {
            for (String n : s.networks().keySet()) {
                labels.put(ObjectLabels.NETWORK_PREFIX + scope.networks().get(n), "true");
            }
        }
        PodSpecBuilder pod = new PodSpecBuilder()
                .withInitContainers(new DependencyWaits(scope).of(service))
                .withContainers(new ContainerSpecs(scope).of(service, env, mounts))
                .withVolumes(volumes)
                .withShareProcessNamespace(Boolean.TRUE.equals(s.init()) ? Boolean.TRUE : null)
                .withTerminationGracePeriodSeconds(
                        s.stopGracePeriod() == null ? null : s.stopGracePeriod().toSeconds())
                .withHostname(s.hostname() == null || s.hostname().isEmpty() ? null : ObjectNames.label(s.hostname()))
                .withHostAliases(hostAliases(service, s));
        if ("host".equals(s.networkMode())) {
            // on the node's network the pod still resolves the project's service names
            pod.withHostNetwork(true).withDnsPolicy("ClusterFirstWithHostNet");
        }
        podSecurity(service, s, pod);
        return new io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder()
                .withNewMetadata()
                .withLabels(labels)
                .withAnnotations(annotations(s))
                .endMetadata()
                .withSpec(pod.build())
                .build();
    }

    /** {@code sysctls} and numeric {@code group_add} on the pod's security context. */
    private void podSecurity(String service, ServiceConfig s, PodSpecBuilder pod) {
        List<Sysctl> sysctls = s.sysctls().entrySet().stream()
                .map(e -> new Sysctl(e.getKey(), e.getValue()))
                .toList();
        List<Long> groups = s.groupAdd().stream()
                .filter(g -> g.matches("\\d+"))
                .map(Long::parseLong)
                .toList();
        if (groups.size() < s.groupAdd().size()) {
            scope.warnings().add(service, "group_add", "names are not translated: Kubernetes takes numeric ids only");
        }
        if (!sysctls.isEmpty() || !groups.isEmpty()) {
            pod.withNewSecurityContext()
                    .withSysctls(sysctls)
                    .withSupplementalGroups(groups)
                    .endSecurityContext();
        }
    }

    /** {@code extra_hosts} ({@code host:ip} or {@code host=ip}) as host aliases, grouped by address. */
    private List<HostAlias> hostAliases(String service, ServiceConfig s) {
        SortedMap<String, List<String>> byIp = new TreeMap<>();
        for (String h : s.extraHosts()) {
            int sep = h.indexOf('=') >= 0 ? h.indexOf('=') : h.indexOf(':');
            String ip = h.substring(sep + 1);
            if (ip.equals("host-gateway")) {
                scope.warnings()
                        .add(service, "extra_hosts", "host-gateway has no meaning on a cluster and is left out");
                continue;
            }
            byIp.computeIfAbsent(ip, k -> new ArrayList<>()).add(h.substring(0, sep));
        }
        return byIp.entrySet().stream()
                .map(e -> new HostAlias(e.getValue().stream().sorted().toList(), e.getKey()))
                .toList();
    }

    /** The environment: a ConfigMap and a Secret named {@code <service>-env}, referenced by envFrom. */
    private List<EnvFromSource> environment(String service, ServiceConfig s, String name, List<HasMetadata> out) {
        SortedMap<String, String> plain = new TreeMap<>();
        SortedMap<String, String> secret = new TreeMap<>();
        for (Map.Entry<String, String> e : s.environment().entrySet()) {
            if (e.getValue() == null) {
                scope.warnings()
                        .add(
                                service,
                                "environment",
                                e.getKey() + " has no value (it would come from the shell) and is left out");
            } else if (!ENV_NAME.matcher(e.getKey()).matches()) {
                scope.warnings()
                        .add(service, "environment", e.getKey() + " is not a valid variable name for Kubernetes");
            } else if (CREDENTIAL.matcher(e.getKey()).matches()) {
                secret.put(
                        e.getKey(),
                        Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)));
            } else {
                plain.put(e.getKey(), e.getValue());
            }
        }
        String objectName = ObjectNames.derived(name, "env");
        if (!plain.isEmpty()) {
            out.add(new ConfigMapBuilder()
                    .withMetadata(envMeta(objectName, name))
                    .withData(plain)
                    .build());
        }
        if (!secret.isEmpty()) {
            out.add(new SecretBuilder()
                    .withMetadata(envMeta(objectName, name))
                    .withType("Opaque")
                    .withData(secret)
                    .build());
        }
        return ContainerSpecs.envFrom(objectName, !plain.isEmpty(), objectName, !secret.isEmpty());
    }

    private ObjectMeta envMeta(String objectName, String service) {
        return new ObjectMetaBuilder()
                .withName(objectName)
                .withLabels(ObjectLabels.of(scope.projectName(), service))
                .build();
    }
}
