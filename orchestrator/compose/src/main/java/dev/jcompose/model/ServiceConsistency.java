package dev.jcompose.model;

import static dev.jcompose.model.ProjectValidator.INVALID;
import static dev.jcompose.model.ProjectValidator.asMap;
import static dev.jcompose.model.ProjectValidator.items;
import static dev.jcompose.model.ProjectValidator.text;

import dev.jcompose.model.ProjectValidator.Context;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.YamlPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * compose-go's consistency rules on build contexts, platforms, models, develop.watch and mount
 * targets, with its messages: the second half of {@link ServiceCheck}, kept apart for size.
 */
final class ServiceConsistency {
    private static final String SERVICE_PREFIX = "service:";

    private final Context ctx;
    private final String name;
    private final MapNode service;
    private final YamlPath path;
    private final String quoted;

    ServiceConsistency(Context ctx, String name, MapNode service, YamlPath path) {
        this.ctx = ctx;
        this.name = name;
        this.service = service;
        this.path = path;
        this.quoted = "\"" + name + "\"";
    }

    void run() {
        asMap(service.get("build").orElse(null)).ifPresent(build -> {
            additionalContexts(build);
            platforms(build);
        });
        models();
        developWatch();
        mountTargets();
    }

    private void additionalContexts(MapNode build) {
        asMap(build.get("additional_contexts").orElse(null))
                .ifPresent(contexts -> contexts.fields().forEach(f -> {
                    Optional<String> target = text(Optional.of(f.value()))
                            .filter(v -> v.startsWith(SERVICE_PREFIX))
                            .map(v -> v.substring(SERVICE_PREFIX.length()));
                    if (target.isEmpty()) {
                        return;
                    }
                    YamlPath at = path.key("build").key("additional_contexts").key(f.key());
                    MapNode other = ctx.services.containsKey(target.get())
                            ? asMap(ctx.services.get(target.get()).value()).orElse(null)
                            : null;
                    if (other == null) {
                        ctx.problem(
                                f.value().location(),
                                at,
                                "service " + quoted + " declares unknown service \"" + target.get()
                                        + "\" as additional contexts " + f.key(),
                                "name a service of this project (service:<name>)");
                    } else if (!other.has("build")) {
                        ctx.problem(
                                f.value().location(),
                                at,
                                "service " + quoted + " declares non-buildable service \"" + target.get()
                                        + "\" as additional contexts " + f.key(),
                                "the service named must have a build section");
                    }
                }));
    }

    private void platforms(MapNode build) {
        List<String> platforms = items(build.get("platforms")).stream()
                .map(n -> text(Optional.of(n)).orElse(""))
                .toList();
        Optional<Node> platform = service.get("platform");
        Optional<String> wanted = text(platform).filter(s -> !s.isEmpty());
        if (!platforms.isEmpty() && wanted.isPresent() && !platforms.contains(wanted.get())) {
            ctx.problem(
                    platform.get().location(),
                    path.key("platform"),
                    "service.build.platforms MUST include service.platform \"" + wanted.get() + "\"" + INVALID,
                    "add " + wanted.get() + " to build.platforms");
        }
    }

    private void models() {
        Optional<Node> models = service.get("models");
        List<MapNode.Field> named =
                models.flatMap(ProjectValidator::asMap).map(MapNode::fields).orElse(List.of());
        for (MapNode.Field f : named) {
            reportUndefinedModel(f.key(), f.keyLocation());
        }
        for (Node n : items(models)) {
            text(Optional.of(n)).ifPresent(m -> reportUndefinedModel(m, n.location()));
        }
    }

    private void reportUndefinedModel(String model, dev.jcompose.yaml.Location at) {
        if (!ctx.declared("models", model)) {
            ctx.problem(
                    at,
                    path.key("models").key(model),
                    "service " + quoted + " refers to undefined model " + model + INVALID,
                    "declare it under the top-level models:");
        }
    }

    private void developWatch() {
        Optional<Node> watch = asMap(service.get("develop").orElse(null)).flatMap(d -> d.get("watch"));
        List<Node> rules = items(watch);
        for (int i = 0; i < rules.size(); i++) {
            Optional<MapNode> rule = asMap(rules.get(i));
            String action = rule.flatMap(r -> text(r.get("action"))).orElse("");
            boolean hasTarget = rule.flatMap(r -> text(r.get("target")))
                    .filter(t -> !t.isEmpty())
                    .isPresent();
            if (!hasTarget && !action.equals("rebuild") && !action.equals("restart")) {
                ctx.problem(
                        rules.get(i).location(),
                        path.key("develop").key("watch").index(i),
                        "services." + name + ".develop.watch: target is required for non-rebuild actions" + INVALID,
                        "add target: <path in the container>");
            }
        }
    }

    /** One mount per target: tmpfs entries first, then volumes, as compose-go checks them. */
    private void mountTargets() {
        Map<String, String> mounts = new HashMap<>();
        List<Node> tmpfs = items(service.get("tmpfs"));
        for (int i = 0; i < tmpfs.size(); i++) {
            String target = text(Optional.of(tmpfs.get(i))).orElse("").split(":", 2)[0];
            mount(mounts, target, tmpfs.get(i), path.key("tmpfs").index(i));
        }
        List<Node> volumes = items(service.get("volumes"));
        for (int i = 0; i < volumes.size(); i++) {
            Optional<String> target = asMap(volumes.get(i)).flatMap(v -> text(v.get("target")));
            if (target.isPresent()) {
                mount(mounts, target.get(), volumes.get(i), path.key("volumes").index(i));
            }
        }
    }

    private void mount(Map<String, String> mounts, String target, Node at, YamlPath where) {
        String previous = mounts.putIfAbsent(target, where.toString());
        if (previous != null) {
            ctx.problem(
                    at.location(),
                    where,
                    "target " + target + " already mounted as " + previous,
                    "mount one thing per target path");
        }
    }
}
