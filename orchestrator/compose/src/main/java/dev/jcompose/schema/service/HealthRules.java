package dev.jcompose.schema.service;

import dev.jcompose.schema.Canonical;
import dev.jcompose.schema.Expect;
import dev.jcompose.schema.KeySet;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarKind;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import dev.jcompose.yaml.YamlPath;
import java.util.List;

/** {@code healthcheck}: test to its list form, durations to Go's form, {@code disable} to {@code ["NONE"]}. */
final class HealthRules {
    private static final KeySet KEYS =
            KeySet.of("test", "interval", "timeout", "retries", "start_period", "start_interval", "disable");
    private static final List<String> ORDER =
            List.of("test", "timeout", "interval", "retries", "start_period", "start_interval", "disable");
    private static final String TEST_HINT = "write [\"CMD\", \"prog\", \"arg\"...], [\"CMD-SHELL\", \"command\"], "
            + "[\"NONE\"] or a string (run by the shell)";

    private HealthRules() {}

    static Node healthcheck(Node v, YamlPath p) {
        MapNode m = Expect.map(v, p);
        KEYS.check(m, p);
        Canonical.Obj o = new Canonical.Obj(v.location());
        m.get("test").ifPresent(t -> o.put("test", test(t, p.key("test"))));
        for (String k : List.of("interval", "timeout", "start_period", "start_interval")) {
            m.get(k).ifPresent(d -> o.put(k, SimpleRules.duration(d, p.key(k))));
        }
        m.get("retries")
                .ifPresent(r ->
                        o.put("retries", Canonical.integer(Expect.nonNegative(r, p.key("retries")), r.location())));
        boolean disable =
                m.get("disable").map(d -> Expect.bool(d, p.key("disable"))).orElse(false);
        if (disable) {
            Node test = o.get("test");
            if (test instanceof SeqNode s && !(s.size() == 1 && "NONE".equals(((ScalarNode) s.get(0)).text()))) {
                throw Expect.error(
                        m.get("disable").orElseThrow(),
                        p.key("disable"),
                        "test and disable can't be set at the same time",
                        "remove test, or set disable: false");
            }
            o.put(
                    "test",
                    Canonical.strings(
                            List.of("NONE"), m.get("disable").orElseThrow().location()));
            o.put("disable", Canonical.bool(true, m.get("disable").orElseThrow().location()));
        }
        return o.ordered(ORDER);
    }

    private static Node test(Node t, YamlPath p) {
        if (t instanceof ScalarNode s && s.kind() == ScalarKind.STRING) {
            return Canonical.strings(List.of("CMD-SHELL", s.text()), t.location());
        }
        List<String> test = Expect.stringOrList(t, p);
        if (!test.isEmpty()) {
            String kind = test.getFirst();
            boolean valid = switch (kind) {
                case "CMD" -> test.size() >= 2;
                case "CMD-SHELL" -> test.size() == 2;
                case "NONE" -> test.size() == 1;
                default ->
                    throw Expect.error(
                            t,
                            p,
                            "healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\"",
                            TEST_HINT);
            };
            if (!valid) {
                throw Expect.error(
                        t,
                        p,
                        "healthcheck.test with " + kind + " takes "
                                + switch (kind) {
                                    case "CMD" -> "a program and its arguments";
                                    case "CMD-SHELL" -> "exactly one command string";
                                    default -> "no arguments";
                                },
                        TEST_HINT);
            }
        }
        return Canonical.strings(test, t.location());
    }
}
