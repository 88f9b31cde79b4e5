package dev.jcompose.kube.convert;

import dev.jcompose.model.ServiceConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Networks. With one network every pod may reach every other, as on a cluster without policies, so
 * none is made (they would only get in the way). With more, each network allows traffic between the
 * pods on it (a pod carries a label per network it is on), and each service's published ports stay
 * reachable from anywhere.
 */
final class NetworkPolicies {
    private final ConversionContext scope;

    NetworkPolicies(ConversionContext scope) {
        this.scope = scope;
    }

    List<HasMetadata> objects() {
        List<HasMetadata> out = new ArrayList<>();
        if (scope.project().networks().size() <= 1) {
            return out;
        }
        for (String n : scope.project().networks().keySet()) {
            String network = scope.networks().get(n);
            Map<String, String> members = new TreeMap<>(
                    Map.of(ObjectLabels.PROJECT, scope.projectName(), ObjectLabels.NETWORK_PREFIX + network, "true"));
            out.add(new NetworkPolicyBuilder()
                    .withNewMetadata()
                    .withName(ObjectNames.derived("network", network))
                    .withLabels(ObjectLabels.of(scope.projectName(), null))
                    .endMetadata()
                    .withNewSpec()
                    .withNewPodSelector()
                    .withMatchLabels(members)
                    .endPodSelector()
                    .withPolicyTypes("Ingress")
                    .addNewIngress()
                    .addNewFrom()
                    .withNewPodSelector()
                    .withMatchLabels(members)
                    .endPodSelector()
                    .endFrom()
                    .endIngress()
                    .endSpec()
                    .build());
        }
        if (scope.options().expose() != ConvertOptions.Expose.NONE) {
            scope.project().services().forEach((key, s) -> published(key, s, out));
        }
        return out;
    }

    private void published(String key, ServiceConfig s, List<HasMetadata> out) {
        List<NetworkPolicyPort> ports = s.ports().stream()
                .filter(p -> p.published() != null && !p.published().isEmpty())
                .map(p -> new Endpoints.Port(
                        p.target(),
                        p.protocol() == null || p.protocol().isEmpty()
                                ? "TCP"
                                : p.protocol().toUpperCase(java.util.Locale.ROOT)))
                .distinct()
                .sorted()
                .map(p -> new NetworkPolicyPortBuilder()
                        .withPort(new IntOrString((int) p.number()))
                        .withProtocol(p.protocol())
                        .build())
                .toList();
        if (ports.isEmpty()) {
            return;
        }
        String name = scope.services().get(key);
        out.add(new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName(Endpoints.publishedName(name))
                .withLabels(ObjectLabels.of(scope.projectName(), name))
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector()
                .withMatchLabels(ObjectLabels.selector(scope.projectName(), name))
                .endPodSelector()
                .withPolicyTypes("Ingress")
                .addNewIngress()
                .withPorts(ports)
                .endIngress()
                .endSpec()
                .build());
    }
}
