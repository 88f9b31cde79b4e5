package dev.jcompose.stack;

import dev.jcompose.api.PortBinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A container's exposed ports as docker keeps them ({@code 80/tcp}): the image's {@code EXPOSE} and the
 * service's {@code expose} (a range {@code 8000-8002} is one port each, no protocol means tcp). {@code ps}
 * shows those a running container does not publish as {@code 80/tcp}, as docker does.
 */
final class ExposedPorts {
    private ExposedPorts() {}

    /** Ports sorted by number then protocol, each once; entries that are not ports are skipped. */
    static List<String> of(List<String> image, List<String> expose) {
        Set<String> out = new LinkedHashSet<>();
        for (String e : concat(image, expose)) {
            String[] parts = e.strip().split("/", 2);
            String protocol = parts.length == 2 && !parts[1].isEmpty() ? parts[1] : "tcp";
            if (!parts[0].matches("\\d{1,5}(-\\d{1,5})?")) {
                continue;
            }
            String[] range = parts[0].split("-");
            int first = Integer.parseInt(range[0]);
            int last = range.length == 2 ? Integer.parseInt(range[1]) : first;
            for (int p = first; p <= last && p <= 65535; p++) {
                out.add(p + "/" + protocol);
            }
        }
        return out.stream()
                .sorted(Comparator.comparingInt(ExposedPorts::number).thenComparing(ExposedPorts::protocol))
                .toList();
    }

    /** The exposed ports not among {@code published}, as unpublished bindings (no host address, port 0). */
    static List<PortBinding> unpublished(List<String> exposed, List<PortBinding> published) {
        List<PortBinding> out = new ArrayList<>();
        for (String e : exposed) {
            boolean taken = published.stream()
                    .anyMatch(
                            p -> p.containerPort() == number(e) && p.protocol().equals(protocol(e)));
            if (!taken) {
                out.add(new PortBinding("", 0, number(e), protocol(e)));
            }
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static int number(String port) {
        return Integer.parseInt(port.substring(0, port.indexOf('/')));
    }

    private static String protocol(String port) {
        return port.substring(port.indexOf('/') + 1);
    }
}
