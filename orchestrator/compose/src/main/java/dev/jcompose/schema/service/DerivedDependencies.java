package dev.jcompose.schema.service;

import dev.jcompose.schema.Canonical;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import java.util.List;

/**
 * The dependencies compose-go derives without a {@code depends_on} entry: {@code links},
 * {@code service:NAME} in network_mode/ipc/pid/uts/cgroup (both restart the dependent when the
 * dependency restarts), and {@code volumes_from} (does not). Written entries win.
 */
final class DerivedDependencies {
    private DerivedDependencies() {}

    static void add(MapNode raw, Canonical.Obj out) {
        Canonical.Obj deps =
                new Canonical.Obj(out.has("depends_on") ? out.get("depends_on").location() : raw.location());
        if (out.get("depends_on") instanceof MapNode existing) {
            existing.fields().forEach(f -> deps.put(f.key(), f.keyLocation(), f.value()));
        }
        if (out.get("links") instanceof SeqNode links) {
            for (Node link : links.items()) {
                String[] parts = text(link).split(":", -1);
                add(deps, parts.length == 2 ? parts[0] : text(link), true, link);
            }
        }
        for (String ns : List.of("network_mode", "ipc", "pid", "uts", "cgroup")) {
            Node ref = out.get(ns);
            if (ref != null && text(ref).startsWith("service:")) {
                add(deps, text(ref).substring("service:".length()), true, ref);
            }
        }
        if (out.get("volumes_from") instanceof SeqNode from) {
            for (Node v : from.items()) {
                if (!text(v).startsWith("container:")) {
                    add(deps, text(v).split(":", -1)[0], false, v);
                }
            }
        }
        if (!deps.isEmpty()) {
            out.put("depends_on", deps.sorted());
        }
    }

    private static void add(Canonical.Obj deps, String service, boolean restart, Node at) {
        if (service.isEmpty() || deps.has(service)) {
            return;
        }
        Canonical.Obj d =
                new Canonical.Obj(at.location()).put("condition", Canonical.string("service_started", at.location()));
        if (restart) {
            d.put("restart", Canonical.bool(true, at.location()));
        }
        deps.put(
                service,
                at.location(),
                d.put("required", Canonical.bool(true, at.location())).build());
    }

    private static String text(Node n) {
        return ((ScalarNode) n).text();
    }
}
