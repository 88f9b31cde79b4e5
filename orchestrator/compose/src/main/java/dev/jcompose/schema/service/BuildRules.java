package dev.jcompose.schema.service;

import dev.jcompose.schema.Canonical;
import dev.jcompose.schema.Expect;
import dev.jcompose.schema.KeySet;
import dev.jcompose.schema.KeyValues;
import dev.jcompose.schema.NormalizeContext;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarKind;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.YamlPath;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code build}: the fields {@code docker compose config} rewrites are normalised (context made
 * absolute, dockerfile defaulted, args and labels as maps); the others are checked by name and kept
 * as written. The builder reads them from the bound model.
 */
final class BuildRules {
    static final List<String> ORDER = List.of(
            "context",
            "dockerfile",
            "dockerfile_inline",
            "entitlements",
            "args",
            "provenance",
            "sbom",
            "ssh",
            "labels",
            "cache_from",
            "cache_to",
            "no_cache",
            "no_cache_filter",
            "additional_contexts",
            "pull",
            "extra_hosts",
            "isolation",
            "network",
            "target",
            "secrets",
            "shm_size",
            "tags",
            "ulimits",
            "platforms",
            "privileged");
    private static final KeySet KEYS = new KeySet(java.util.Set.copyOf(ORDER));
    private static final Pattern REMOTE = Pattern.compile("^(git@|github\\.com/).*");

    private final NormalizeContext context;

    BuildRules(NormalizeContext context) {
        this.context = context;
    }

    Node build(Node v, YamlPath p) {
        if (v instanceof ScalarNode s && s.kind() == ScalarKind.STRING) {
            return new Canonical.Obj(v.location())
                    .put("context", context(s.text(), v))
                    .put("dockerfile", Canonical.string("Dockerfile", v.location()))
                    .build();
        }
        MapNode m = Expect.map(v, p);
        KEYS.check(m, p);
        Canonical.Obj o = new Canonical.Obj(v.location());
        for (MapNode.Field f : m.fields()) {
            YamlPath fp = p.key(f.key());
            Node value = f.value();
            Node out = switch (f.key()) {
                case "context" -> context(Expect.string(value, fp), value);
                case "dockerfile", "dockerfile_inline", "target", "network", "isolation" ->
                    SimpleRules.STRING.apply(value, fp);
                case "labels" -> SimpleRules.STRING_MAP.apply(value, fp);
                case "args" -> args(value, fp);
                case "no_cache", "pull", "privileged" -> SimpleRules.FLAG.apply(value, fp);
                case "shm_size" -> SimpleRules.BYTES.apply(value, fp);
                case "tags", "platforms", "cache_from", "cache_to", "entitlements" ->
                    SimpleRules.STRINGS.apply(value, fp);
                case "no_cache_filter" -> SimpleRules.STRING_OR_LIST.apply(value, fp);
                case "additional_contexts" -> additionalContexts(value, fp);
                case "secrets" -> LinkRules.fileReferences(value, fp, false);
                case "ulimits" -> DeployRules.ulimits(value, fp);
                case "extra_hosts" -> LinkRules.extraHosts(value, fp);
                default -> value;
            };
            o.put(f.key(), f.keyLocation(), out);
        }
        if (!o.has("context")) {
            o.put("context", context(".", v));
        }
        if (!o.has("dockerfile") && !o.has("dockerfile_inline")) {
            o.put("dockerfile", Canonical.string("Dockerfile", v.location()));
        }
        return o.ordered(ORDER);
    }

    private Node context(String dir, Node at) {
        return Canonical.string(contextPath(dir), at.location());
    }

    /** compose-go's rule: URLs, builder-specific schemes and service: references stay, paths become absolute. */
    private String contextPath(String dir) {
        boolean kept = dir.contains("://")
                || dir.startsWith("service:")
                || REMOTE.matcher(dir).matches();
        return kept ? dir : context.resolvePath(dir);
    }

    private Node additionalContexts(Node v, YamlPath p) {
        Canonical.Obj o = new Canonical.Obj(v.location());
        KeyValues.read(v, p).forEach((k, e) -> {
            String dir = e.value() == null ? "" : e.value();
            o.put(k, e.keyLocation(), Canonical.string(contextPath(dir), e.valueLocation()));
        });
        return o.sorted();
    }

    private Node args(Node v, YamlPath p) {
        Canonical.Obj o = new Canonical.Obj(v.location());
        KeyValues.read(v, p).forEach((k, e) -> {
            // compose-go drops a bare KEY whose variable is unset: the Dockerfile's default applies.
            String value =
                    e.value() != null ? e.value() : context.environment().get(k).orElse(null);
            if (value != null) {
                o.put(k, e.keyLocation(), Canonical.string(value, e.valueLocation()));
            }
        });
        return o.sorted();
    }
}
