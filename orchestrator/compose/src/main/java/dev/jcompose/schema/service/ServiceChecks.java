package dev.jcompose.schema.service;

import dev.jcompose.schema.Canonical;
import dev.jcompose.schema.NormalizeContext;
import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.Location;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.YamlPath;
import java.util.List;
import java.util.Optional;

/**
 * Rules between fields of one service, with compose-go's messages: image or build, network_mode
 * or networks, scale against deploy.replicas, resource fields against deploy.resources, and the
 * implicit {@code default} network.
 */
final class ServiceChecks {
    private ServiceChecks() {}

    static void check(String name, MapNode raw, YamlPath path, Canonical.Obj out, NormalizeContext context) {
        imageOrBuild(name, raw, path, out);
        if (out.get("networks") instanceof MapNode nets && nets.size() == 0) {
            out.remove("networks"); // compose-go gives an empty networks mapping the default network
        }
        if (out.has("network_mode") && out.has("networks")) {
            throw at(
                    raw,
                    "networks",
                    path,
                    "service " + name + " declares mutually exclusive `network_mode` and `networks`",
                    "keep only one of them");
        }
        if (!out.has("network_mode") && !out.has("networks")) {
            out.put(
                    "networks",
                    new Canonical.Obj(raw.location())
                            .put("default", Canonical.nul(raw.location()))
                            .build());
        }
        scale(name, raw, path, out);
        MapNode deploy = (MapNode) out.get("deploy");
        Optional<MapNode> limits = resource(deploy, "limits");
        Optional<MapNode> reservations = resource(deploy, "reservations");
        same(name, raw, path, out, "cpus", limits, "cpus", "deploy.resources.limits.cpus");
        same(name, raw, path, out, "mem_limit", limits, "memory", "deploy.resources.limits.memory");
        same(name, raw, path, out, "mem_reservation", reservations, "memory", "deploy.resources.reservations.memory");
        same(name, raw, path, out, "pids_limit", limits, "pids", "deploy.resources.limits.pids");
        long scale = count(out.get("scale"))
                .orElse(
                        deploy == null
                                ? 1
                                : count(deploy.get("replicas").orElse(null)).orElse(1L));
        if (scale > 1 && out.has("container_name")) {
            String attr = out.has("scale") ? "scale" : "deploy.replicas";
            throw at(
                    raw,
                    "container_name",
                    path,
                    "can't set container_name and " + attr + " as container name must be unique",
                    "remove container_name, or run a single replica");
        }
    }

    private static void imageOrBuild(String name, MapNode raw, YamlPath path, Canonical.Obj out) {
        if (!out.has("image") && !out.has("build") && !out.has("provider")) {
            throw new ComposeFileException(
                    raw.location(),
                    path,
                    "service \"" + name + "\" has neither an image nor a build context specified",
                    "add image: <reference>");
        }
    }

    private static void scale(String name, MapNode raw, YamlPath path, Canonical.Obj out) {
        MapNode deploy = (MapNode) out.get("deploy");
        if (!out.has("scale") || deploy == null) {
            return;
        }
        Optional<Long> replicas = count(deploy.get("replicas").orElse(null));
        if (replicas.isPresent() && !replicas.equals(count(out.get("scale")))) {
            throw at(
                    raw,
                    "scale",
                    path,
                    "can't set distinct values on 'scale' and 'deploy.replicas'",
                    "keep only one of them");
        }
        Canonical.Obj d = new Canonical.Obj(deploy.location());
        deploy.fields().forEach(f -> d.put(f.key(), f.keyLocation(), f.value()));
        d.put("replicas", out.get("scale"));
        out.put(
                "deploy",
                raw.field("deploy").orElseThrow().keyLocation(),
                d.ordered(List.of("mode", "replicas", "labels", "resources", "restart_policy", "placement")));
    }

    private static Optional<MapNode> resource(MapNode deploy, String kind) {
        if (deploy == null) {
            return Optional.empty();
        }
        return deploy.get("resources").flatMap(r -> ((MapNode) r).get(kind)).map(MapNode.class::cast);
    }

    private static void same(
            String name,
            MapNode raw,
            YamlPath path,
            Canonical.Obj out,
            String key,
            Optional<MapNode> resource,
            String resourceKey,
            String resourcePath) {
        if (!out.has(key) || resource.isEmpty()) {
            return;
        }
        Optional<Node> other = resource.get().get(resourceKey);
        String mine = ((ScalarNode) out.get(key)).text();
        String theirs = other.map(n -> ((ScalarNode) n).text()).orElse("0");
        if (!mine.equals(theirs)) {
            throw at(
                    raw,
                    key,
                    path,
                    "can't set distinct values on '" + key + "' and '" + resourcePath + "'",
                    "keep only one of them");
        }
    }

    private static Optional<Long> count(Node n) {
        return n instanceof ScalarNode s && !s.isNull() ? Optional.of(Long.parseLong(s.text())) : Optional.empty();
    }

    private static ComposeFileException at(MapNode raw, String key, YamlPath path, String problem, String hint) {
        Location l = raw.field(key).map(MapNode.Field::keyLocation).orElse(raw.location());
        return new ComposeFileException(l, path, problem, hint);
    }
}
