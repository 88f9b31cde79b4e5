package dev.jcompose.kube.convert;

import dev.jcompose.model.ServiceConfig;
import dev.jcompose.model.ServicePort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The Services of one compose service. Its name always resolves: a ClusterIP Service on the
 * <em>container</em> ports (so {@code http://api:80} keeps working whatever is published), or a
 * headless one when it has none. Published ports go on a second Service, LoadBalancer or NodePort,
 * named {@code <service>-published}, so exposing a port never changes what the name resolves to.
 */
final class Endpoints {
    /** A container port: {@code ports[].target} or an {@code expose} entry. */
    record Port(long number, String protocol) implements Comparable<Port> {
        String name() {
            return protocol.toLowerCase(Locale.ROOT) + "-" + number;
        }

        @Override
        public int compareTo(Port o) {
            int c = Long.compare(number, o.number);
            return c != 0 ? c : protocol.compareTo(o.protocol);
        }
    }

    private final ConversionContext scope;

    Endpoints(ConversionContext scope) {
        this.scope = scope;
    }

    /** The container ports of {@code s}, sorted, once each. */
    static SortedSet<Port> containerPorts(ServiceConfig s) {
        SortedSet<Port> out = new TreeSet<>();
        for (ServicePort p : s.ports()) {
            if (p.target() > 0) {
                out.add(new Port(p.target(), protocol(p.protocol())));
            }
        }
        for (String e : s.expose()) {
            String[] parts = e.split("/", 2);
            String proto = protocol(parts.length > 1 ? parts[1] : null);
            String[] range = parts[0].split("-", 2);
            long from = Long.parseLong(range[0]);
            long to = range.length > 1 ? Long.parseLong(range[1]) : from;
            for (long n = from; n <= to && n - from < 100; n++) {
                out.add(new Port(n, proto));
            }
        }
        return out;
    }

    private static String protocol(String p) {
        return p == null || p.isEmpty() ? "TCP" : p.toUpperCase(Locale.ROOT);
    }

    /** The Service the compose service's name resolves to, and the published one when asked for. */
    List<HasMetadata> of(String service) {
        ServiceConfig s = scope.project().services().get(service);
        String name = scope.services().get(service);
        List<HasMetadata> out = new ArrayList<>();
        SortedSet<Port> ports = containerPorts(s);
        ServiceBuilder b = new ServiceBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(ObjectLabels.of(scope.projectName(), name))
                .endMetadata()
                .withNewSpec()
                .withSelector(ObjectLabels.selector(scope.projectName(), name))
                .endSpec();
        if (ports.isEmpty()) {
            b.editSpec().withClusterIP("None").endSpec();
        } else {
            b.editSpec()
                    .withType("ClusterIP")
                    .withPorts(ports.stream()
                            .map(p -> new ServicePortBuilder()
                                    .withName(p.name())
                                    .withProtocol(p.protocol())
                                    .withPort((int) p.number())
                                    .withTargetPort(new IntOrString((int) p.number()))
                                    .build())
                            .toList())
                    .endSpec();
        }
        out.add(b.build());
        published(service, name, s).ifPresent(out::add);
        return out;
    }

    private java.util.Optional<HasMetadata> published(String service, String name, ServiceConfig s) {
        List<ServicePort> published = s.ports().stream()
                .filter(p -> p.published() != null && !p.published().isEmpty())
                .toList();
        if (published.isEmpty()) {
            return java.util.Optional.empty();
        }
        ConvertOptions.Expose expose = scope.options().expose();
        if (expose == ConvertOptions.Expose.NONE) {
            scope.warnings()
                    .add(service, "ports", "published ports are not exposed (--expose=none): use kubectl port-forward");
            return java.util.Optional.empty();
        }
        List<io.fabric8.kubernetes.api.model.ServicePort> ports = new ArrayList<>();
        for (ServicePort p : published) {
            io.fabric8.kubernetes.api.model.ServicePort port = publishedPort(service, p, expose);
            if (ports.stream().noneMatch(x -> x.getName().equals(port.getName()))) {
                ports.add(port);
            }
        }
        return java.util.Optional.of(new ServiceBuilder()
                .withNewMetadata()
                .withName(publishedName(name))
                .withLabels(ObjectLabels.of(scope.projectName(), name))
                .endMetadata()
                .withNewSpec()
                .withType(expose == ConvertOptions.Expose.NODEPORT ? "NodePort" : "LoadBalancer")
                .withSelector(ObjectLabels.selector(scope.projectName(), name))
                .withPorts(ports)
                .endSpec()
                .build());
    }

    /** One published port: the published number on the Service, the container port as its target. */
    private io.fabric8.kubernetes.api.model.ServicePort publishedPort(
            String service, ServicePort p, ConvertOptions.Expose expose) {
        if (p.hostIp() != null && !p.hostIp().isEmpty()) {
            scope.warnings()
                    .add(
                            service,
                            "ports",
                            "host_ip " + p.hostIp()
                                    + " is not translated: the port is published on the cluster's addresses");
        }
        String[] range = p.published().split("-", 2);
        if (range.length > 1) {
            scope.warnings().add(service, "ports", "a published range " + p.published() + " uses its first port only");
        }
        int number = Integer.parseInt(range[0]);
        Port target = new Port(p.target(), protocol(p.protocol()));
        ServicePortBuilder port = new ServicePortBuilder()
                .withName(target.name())
                .withProtocol(target.protocol())
                .withPort(number)
                .withTargetPort(new IntOrString((int) p.target()));
        if (expose == ConvertOptions.Expose.NODEPORT && number >= 30000 && number <= 32767) {
            port.withNodePort(number);
        }
        return port.build();
    }

    static String publishedName(String service) {
        return ObjectNames.derived(service, "published");
    }
}
