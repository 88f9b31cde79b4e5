package dev.jcompose.schema.service;

import dev.jcompose.schema.Canonical;
import dev.jcompose.schema.Expect;
import dev.jcompose.schema.KeySet;
import dev.jcompose.schema.NormalizeContext;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.YamlPath;
import java.util.List;
import java.util.Set;

/**
 * {@code deploy} and {@code ulimits}. Every part of deploy is kept for {@code config}, as compose-go
 * prints it (durations of update_config/rollback_config normalised, {@code count: all} of a device
 * request as -1); the settings audit warns at {@code up} about the parts jcompose does not apply.
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
    private static final List<String> ORDER = List.of(
            "mode",
            "replicas",
            "labels",
            "update_config",
            "rollback_config",
            "resources",
            "restart_policy",
            "placement",
            "endpoint_mode");
    private static final KeySet UPDATE =
            KeySet.of("parallelism", "delay", "failure_action", "monitor", "max_failure_ratio", "order");
    private static final List<String> UPDATE_ORDER =
            List.of("parallelism", "delay", "failure_action", "monitor", "max_failure_ratio", "order");
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
        o.put(
                "placement",
                m.get("placement")
                        .map(n -> (Node) Expect.map(n, p.key("placement")))
                        .orElse(placement.build()));
        for (String k : List.of("update_config", "rollback_config")) {
            m.get(k).ifPresent(n -> o.put(k, update(n, p.key(k))));
        }
        m.get("endpoint_mode")
                .ifPresent(n -> o.put("endpoint_mode", SimpleRules.STRING.apply(n, p.key("endpoint_mode"))));
        return o.ordered(ORDER);
    }

    private static Node update(Node v, YamlPath p) {
        MapNode m = Expect.map(v, p);
        UPDATE.check(m, p);
        Canonical.Obj o = new Canonical.Obj(v.location());
        for (MapNode.Field f : m.fields()) {
            YamlPath fp = p.key(f.key());
            Node out = switch (f.key()) {
                case "parallelism" -> SimpleRules.OPTIONAL_COUNT.apply(f.value(), fp);
                case "delay", "monitor" -> SimpleRules.duration(f.value(), fp);
                case "max_failure_ratio" ->
                    Canonical.float32(Expect.number(f.value(), fp), f.value().location());
                default -> SimpleRules.STRING.apply(f.value(), fp);
            };
            o.put(f.key(), f.keyLocation(), out);
        }
        return o.ordered(UPDATE_ORDER);
    }

    private Node resource(Node v, YamlPath p) {
        MapNode m = Expect.map(v, p);
        RESOURCE.check(m, p);
        Canonical.Obj o = new Canonical.Obj(v.location());
        m.get("cpus").ifPresent(n -> o.put("cpus", SimpleRules.CPUS.apply(n, p.key("cpus"))));
        m.get("memory").ifPresent(n -> o.put("memory", SimpleRules.BYTES.apply(n, p.key("memory"))));
        m.get("pids").ifPresent(n -> o.put("pids", SimpleRules.INT.apply(n, p.key("pids"))));
        m.get("devices").ifPresent(n -> o.put("devices", deviceRequests(n, p.key("devices"))));
        m.get("generic_resources")
                .ifPresent(n -> o.put("generic_resources", Expect.seq(n, p.key("generic_resources"))));
        return o.build();
    }

    /** Device requests as written, but {@code count: all} is -1 as compose-go stores it. */
    private static Node deviceRequests(Node v, YamlPath p) {
        List<Node> out = new java.util.ArrayList<>();
        for (Node item : Expect.seq(v, p).items()) {
            MapNode d = Expect.map(item, p);
            boolean all = d.get("count")
                    .map(c -> c instanceof dev.jcompose.yaml.ScalarNode s && "all".equals(s.text()))
                    .orElse(false);
            out.add(
                    all
                            ? d.with(
                                    "count",
                                    Canonical.integer(
                                            -1, d.get("count").orElseThrow().location()))
                            : d);
        }
        return Canonical.seq(out, v.location());
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
