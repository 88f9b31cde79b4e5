package dev.jcompose.schema.service;

import dev.jcompose.schema.Canonical;
import dev.jcompose.schema.Expect;
import dev.jcompose.schema.KeySet;
import dev.jcompose.schema.NormalizeContext;
import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.YamlPath;
import java.util.List;
import java.util.Set;

/**
 * {@code deploy} and {@code ulimits}. Swarm-only parts of deploy (placement, update_config,
 * rollback_config, endpoint_mode, generic_resources) are warned about and left out; device
 * requests (GPUs) are an error because a service that needs them cannot run without them.
 */
final class DeployRules {
    private static final KeySet DEPLOY = KeySet.of(
            "mode",
            "replicas",
            "labels",
            "update_config",
            "rollback_config",
            "resources",
            "restart_policy",
            "placement",
            "endpoint_mode");
    private static final List<String> ORDER =
            List.of("mode", "replicas", "labels", "resources", "restart_policy", "placement");
    private static final KeySet RESOURCES = KeySet.of("limits", "reservations");
    private static final KeySet RESOURCE = KeySet.of("cpus", "memory", "pids", "devices", "generic_resources");
    private static final KeySet RESTART_POLICY = KeySet.of("condition", "delay", "max_attempts", "window");
    private static final KeySet ULIMIT = KeySet.of("soft", "hard");
    private static final Set<String> MODES = Set.of("replicated", "global", "replicated-job", "global-job");
    private static final Set<String> CONDITIONS = Set.of("none", "on-failure", "any");

    private final NormalizeContext context;

    DeployRules(NormalizeContext context) {
        this.context = context;
    }

    Node deploy(Node v, YamlPath p) {
        MapNode m = Expect.map(v, p);
        DEPLOY.check(m, p);
        for (MapNode.Field f : m.fields()) {
            if (List.of("placement", "update_config", "rollback_config", "endpoint_mode")
                    .contains(f.key())) {
                warn(f.keyLocation(), p.key(f.key()));
            }
        }
        Canonical.Obj o = new Canonical.Obj(v.location());
        m.get("mode").ifPresent(n -> {
            String mode = Expect.string(n, p.key("mode"));
            if (!MODES.contains(mode)) {
                throw Expect.error(
                        n,
                        p.key("mode"),
                        "invalid deploy mode '" + mode + "'",
                        "use replicated, global, replicated-job or global-job");
            }
            o.put("mode", Canonical.string(mode, n.location()));
        });
        m.get("replicas").ifPresent(n -> o.put("replicas", SimpleRules.OPTIONAL_COUNT.apply(n, p.key("replicas"))));
        m.get("labels").ifPresent(n -> o.put("labels", SimpleRules.STRING_MAP.apply(n, p.key("labels"))));
        Canonical.Obj resources =
                new Canonical.Obj(m.get("resources").map(Node::location).orElse(v.location()));
        m.get("resources").ifPresent(n -> {
            MapNode r = Expect.map(n, p.key("resources"));
            RESOURCES.check(r, p.key("resources"));
            for (String k : List.of("limits", "reservations")) {
                r.get(k)
                        .ifPresent(x ->
                                resources.put(k, resource(x, p.key("resources").key(k))));
            }
        });
        o.put("resources", resources.build()); // a Go struct, not a pointer: always written
        m.get("restart_policy").ifPresent(n -> o.put("restart_policy", restartPolicy(n, p.key("restart_policy"))));
        Canonical.Obj placement =
                new Canonical.Obj(m.get("placement").map(Node::location).orElse(v.location()));
        o.put("placement", placement.build());
        return o.ordered(ORDER);
    }

    private Node resource(Node v, YamlPath p) {
        MapNode m = Expect.map(v, p);
        RESOURCE.check(m, p);
        Canonical.Obj o = new Canonical.Obj(v.location());
        m.get("cpus").ifPresent(n -> o.put("cpus", SimpleRules.CPUS.apply(n, p.key("cpus"))));
        m.get("memory").ifPresent(n -> o.put("memory", SimpleRules.BYTES.apply(n, p.key("memory"))));
        m.get("pids").ifPresent(n -> o.put("pids", SimpleRules.INT.apply(n, p.key("pids"))));
        m.field("devices").ifPresent(f -> {
            throw new ComposeFileException(
                    f.keyLocation(),
                    p.key("devices"),
                    "device requests (GPUs) are not supported by jcompose",
                    "remove the devices reservation");
        });
        m.field("generic_resources").ifPresent(f -> warn(f.keyLocation(), p.key("generic_resources")));
        return o.build();
    }

    private static Node restartPolicy(Node v, YamlPath p) {
        MapNode m = Expect.map(v, p);
        RESTART_POLICY.check(m, p);
        Canonical.Obj o = new Canonical.Obj(v.location());
        m.get("condition").ifPresent(n -> {
            String c = Expect.string(n, p.key("condition"));
            if (!CONDITIONS.contains(c)) {
                throw Expect.error(
                        n,
                        p.key("condition"),
                        "invalid restart_policy condition '" + c + "'",
                        "use none, on-failure or any");
            }
            o.put("condition", Canonical.string(c, n.location()));
        });
        m.get("delay").ifPresent(n -> o.put("delay", SimpleRules.duration(n, p.key("delay"))));
        m.get("max_attempts")
                .ifPresent(n -> o.put("max_attempts", SimpleRules.OPTIONAL_COUNT.apply(n, p.key("max_attempts"))));
        m.get("window").ifPresent(n -> o.put("window", SimpleRules.duration(n, p.key("window"))));
        return o.build();
    }

    private void warn(dev.jcompose.yaml.Location at, YamlPath p) {
        context.warnings().accept(at + ": " + p + ": not supported yet by jcompose, ignored");
    }

    static Node ulimits(Node v, YamlPath p) {
        MapNode m = Expect.map(v, p);
        Canonical.Obj o = new Canonical.Obj(v.location());
        for (MapNode.Field f : m.fields()) {
            YamlPath lp = p.key(f.key());
            if (f.value() instanceof MapNode limits) {
                ULIMIT.check(limits, lp);
                Node soft = limits.get("soft")
                        .orElseThrow(() -> Expect.error(
                                limits,
                                lp,
                                "soft is required",
                                "write {soft: N, hard: N}, or a single number for both"));
                Node hard = limits.get("hard")
                        .orElseThrow(() -> Expect.error(
                                limits,
                                lp,
                                "hard is required",
                                "write {soft: N, hard: N}, or a single number for both"));
                long s = Expect.integer(soft, lp.key("soft"));
                long h = Expect.integer(hard, lp.key("hard"));
                if (h >= 0 && s > h) {
                    throw Expect.error(
                            soft,
                            lp.key("soft"),
                            "soft limit " + s + " is greater than hard limit " + h,
                            "the soft limit must not exceed the hard limit");
                }
                o.put(
                        f.key(),
                        f.keyLocation(),
                        new Canonical.Obj(limits.location())
                                .put("soft", Canonical.integer(s, soft.location()))
                                .put("hard", Canonical.integer(h, hard.location()))
                                .build());
            } else {
                o.put(
                        f.key(),
                        f.keyLocation(),
                        Canonical.integer(
                                Expect.integer(f.value(), lp), f.value().location()));
            }
        }
        return o.sorted();
    }
}
