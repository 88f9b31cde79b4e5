package dev.jcompose.kube.convert;

import dev.jcompose.model.DependencyCondition;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.model.ServiceDependency;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code depends_on} as init containers: the pod starts once each dependency answers on its Service.
 * A Service sends traffic (and a headless one resolves) only to ready pods, so waiting for the
 * Service's port, or its name when it has no port, also waits for the dependency's readinessProbe,
 * that is for {@code service_healthy}. {@code service_completed_successfully} cannot be seen from a
 * pod without API access: it is reported and not waited for.
 */
final class DependencyWaits {
    private final ConversionContext scope;

    DependencyWaits(ConversionContext scope) {
        this.scope = scope;
    }

    List<Container> of(String service) {
        List<Container> out = new ArrayList<>();
        if (scope.options().dependencies() == ConvertOptions.Dependencies.IGNORE) {
            return out;
        }
        ServiceConfig s = scope.project().services().get(service);
        for (Map.Entry<String, ServiceDependency> e : s.dependsOn().entrySet()) {
            String dep = e.getKey();
            if (!scope.project().services().containsKey(dep)) {
                continue; // an optional dependency (required: false) not in the project
            }
            if (e.getValue().condition() == DependencyCondition.SERVICE_COMPLETED_SUCCESSFULLY) {
                scope.warnings()
                        .add(
                                service,
                                "depends_on",
                                dep + ": service_completed_successfully is not waited for on Kubernetes "
                                        + "(a pod cannot see a Job complete without API access)");
                continue;
            }
            String host = scope.services().get(dep);
            OptionalLong port = Endpoints.containerPorts(
                            scope.project().services().get(dep))
                    .stream()
                    .mapToLong(Endpoints.Port::number)
                    .min();
            String check = port.isPresent()
                    ? "nc -z -w 2 " + host + " " + port.getAsLong()
                    : "nslookup " + host + " >/dev/null 2>&1";
            out.add(new ContainerBuilder()
                    .withName(ObjectNames.derived("wait-for", host))
                    .withImage(scope.options().waitImage())
                    .withCommand("sh", "-c", "until " + check + "; do echo waiting for " + host + "; sleep 2; done")
                    .build());
        }
        return out;
    }
}
