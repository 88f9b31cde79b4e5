package dev.jcompose.model;

import static dev.jcompose.model.ProjectValidator.INVALID;
import static dev.jcompose.model.ProjectValidator.asMap;
import static dev.jcompose.model.ProjectValidator.items;
import static dev.jcompose.model.ProjectValidator.text;

import dev.jcompose.model.ProjectValidator.Context;
import dev.jcompose.model.ProjectValidator.Origin;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.YamlPath;
import java.util.List;
import java.util.Optional;

/**
 * The per-service half of {@link ProjectValidator}, in compose-go's order of checks. Checks the schema
 * stage already makes on every loaded file ("neither an image nor a build", container_name with scale)
 * are not repeated here: {@code schema.service.ServiceChecks} owns them.
 */
final class ServiceCheck {
    private final Context ctx;
    private final String name;
    private final MapNode service;
    private final YamlPath path;
    private final String quoted;

    ServiceCheck(Context ctx, String name, MapNode.Field field) {
        this.ctx = ctx;
        this.name = name;
        this.service = asMap(field.value()).orElse(MapNode.empty(field.keyLocation()));
        this.path = YamlPath.of("services", name);
        this.quoted = "\"" + name + "\"";
    }

    void run() {
        buildDockerfiles();
        networkModeWithNetworks();
        undefinedKeys("networks", "networks", "network", "declare it under the top-level networks:");
        healthcheckTest();
        dependsOn();
        networkMode();
        volumes();
        asMap(service.get("build").orElse(null))
                .ifPresent(b -> references(Optional.of(b), path.key("build"), "secrets", "build secret"));
        references(Optional.of(service), path, "configs", "config");
        references(Optional.of(service), path, "secrets", "secret");
        volumesFrom();
        links();
        scaleAndReplicas();
        new ServiceConsistency(ctx, name, service, path).run();
    }

    private void buildDockerfiles() {
        asMap(service.get("build").orElse(null)).ifPresent(b -> {
            if (b.has("dockerfile") && b.has("dockerfile_inline")) {
                ctx.problem(
                        b.field("dockerfile_inline").orElseThrow().keyLocation(),
                        path.key("build").key("dockerfile_inline"),
                        "service " + quoted + " declares mutually exclusive dockerfile and dockerfile_inline" + INVALID,
                        "keep one of the two");
            }
        });
    }

    private void networkModeWithNetworks() {
        Optional<MapNode.Field> mode = service.field("network_mode");
        boolean hasNetworks = asMap(service.get("networks").orElse(null))
                .map(m -> m.size() > 0)
                .orElse(false);
        if (mode.isPresent() && hasNetworks) {
            ctx.problem(
                    mode.get().keyLocation(),
                    path.key("network_mode"),
                    "service " + name + " declares mutually exclusive `network_mode` and `networks`" + INVALID,
                    "a service either joins networks or shares another network namespace, not both");
        }
    }

    private void healthcheckTest() {
        Optional<Node> test = asMap(service.get("healthcheck").orElse(null)).flatMap(h -> h.get("test"));
        List<Node> words = items(test);
        if (!words.isEmpty()) {
            String first = text(Optional.of(words.getFirst())).orElse("");
            if (!List.of("CMD", "CMD-SHELL", "NONE").contains(first)) {
                ctx.problem(
                        words.getFirst().location(),
                        path.key("healthcheck").key("test").index(0),
                        "healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\"",
                        "write [\"CMD\", \"prog\", \"arg\"], [\"CMD-SHELL\", \"command line\"] or a plain string");
            }
        }
    }

    private void scaleAndReplicas() {
        Optional<Node> scale = service.get("scale");
        Optional<String> replicas = asMap(service.get("deploy").orElse(null)).flatMap(d -> text(d.get("replicas")));
        if (scale.isPresent() && replicas.isPresent() && !text(scale).equals(replicas)) {
            ctx.problem(
                    scale.get().location(),
                    path.key("scale"),
                    "can't set distinct values on 'scale' and 'deploy.replicas'" + INVALID,
                    "set only one of them");
        }
    }

    private void undefinedKeys(String key, String section, String what, String hint) {
        asMap(service.get(key).orElse(null))
                .ifPresent(m -> m.fields().forEach(f -> {
                    if (!ctx.declared(section, f.key())) {
                        ctx.problem(
                                f.keyLocation(),
                                path.key(key).key(f.key()),
                                "service " + quoted + " refers to undefined " + what + " " + f.key() + INVALID,
                                hint.isEmpty() ? null : hint);
                    }
                }));
    }

    private void dependsOn() {
        asMap(service.get("depends_on").orElse(null))
                .ifPresent(m -> m.fields().forEach(f -> {
                    YamlPath at = path.key("depends_on").key(f.key());
                    boolean required = asMap(f.value())
                            .flatMap(d -> text(d.get("required")))
                            .map("true"::equals)
                            .orElse(true);
                    if (ctx.services.containsKey(f.key())) {
                        ctx.edge(name, f.key(), new Origin(f.keyLocation(), at));
                    } else if (required) {
                        ctx.problem(
                                f.keyLocation(),
                                at,
                                "service " + quoted + " depends on undefined service \"" + f.key() + "\"" + INVALID,
                                "define the service, enable its profile, or mark the dependency required: false");
                    }
                }));
    }

    private void networkMode() {
        service.get("network_mode")
                .ifPresent(n -> text(Optional.of(n))
                        .flatMap(References::networkModeService)
                        .ifPresent(target -> serviceReference(
                                n,
                                path.key("network_mode"),
                                target,
                                "service \"" + target + "\" not found for network_mode 'service:" + target + "'")));
    }

    private void volumes() {
        List<Node> volumes = items(service.get("volumes"));
        for (int i = 0; i < volumes.size(); i++) {
            Optional<MapNode> v = asMap(volumes.get(i));
            if (v.isEmpty()
                    || !text(v.get().get("type"))
                            .map(ServiceVolume.VOLUME::equals)
                            .orElse(false)) {
                continue;
            }
            Optional<Node> source = v.get().get("source");
            Optional<String> name0 = text(source).filter(s -> !s.isEmpty());
            if (name0.isPresent() && !ctx.declared("volumes", name0.get())) {
                ctx.problem(
                        source.get().location(),
                        path.key("volumes").index(i).key("source"),
                        "service " + quoted + " refers to undefined volume " + name0.get() + INVALID,
                        "declare it under the top-level volumes:, or use a path (./" + name0.get()
                                + ") for a bind mount");
            }
        }
    }

    private void references(Optional<MapNode> owner, YamlPath ownerPath, String key, String what) {
        String section = key;
        List<Node> refs = items(owner.flatMap(o -> o.get(key)));
        for (int i = 0; i < refs.size(); i++) {
            Optional<Node> source = asMap(refs.get(i)).flatMap(r -> r.get("source"));
            Optional<String> ref = text(source);
            if (ref.isPresent() && !ctx.declared(section, ref.get())) {
                ctx.problem(
                        source.get().location(),
                        ownerPath.key(key).index(i).key("source"),
                        "service " + quoted + " refers to undefined " + what + " " + ref.get() + INVALID,
                        "declare it under the top-level " + section + ":");
            }
        }
    }

    private void volumesFrom() {
        List<Node> entries = items(service.get("volumes_from"));
        for (int i = 0; i < entries.size(); i++) {
            Node n = entries.get(i);
            int index = i;
            text(Optional.of(n))
                    .flatMap(References::volumesFromService)
                    .ifPresent(target -> serviceReference(
                            n,
                            path.key("volumes_from").index(index),
                            target,
                            "service " + quoted + " refers to undefined service \"" + target + "\" in volumes_from"
                                    + INVALID));
        }
    }

    private void links() {
        List<Node> entries = items(service.get("links"));
        for (int i = 0; i < entries.size(); i++) {
            Node n = entries.get(i);
            int index = i;
            text(Optional.of(n))
                    .map(References::linkService)
                    .ifPresent(target -> serviceReference(
                            n,
                            path.key("links").index(index),
                            target,
                            "service " + quoted + " refers to undefined service \"" + target + "\" in links"
                                    + INVALID));
        }
    }

    private void serviceReference(Node at, YamlPath atPath, String target, String problem) {
        if (ctx.services.containsKey(target)) {
            ctx.edge(name, target, new Origin(at.location(), atPath));
        } else {
            ctx.problem(at.location(), atPath, problem, "define the service or enable its profile");
        }
    }
}
