package dev.jcompose.schema.service;

import dev.jcompose.schema.Canonical;
import dev.jcompose.schema.Expect;
import dev.jcompose.schema.NormalizeContext;
import dev.jcompose.schema.volume.VolumeSyntax;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.SeqNode;
import dev.jcompose.yaml.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keys jcompose does not apply but prints for {@code config} as compose-go stores them:
 * {@code develop} (watch paths made absolute) and {@code blkio_config} (rates as byte counts).
 * Anything else in them is kept as written.
 */
final class DevelopRules {
    private static final Set<String> RATES =
            Set.of("device_read_bps", "device_write_bps", "device_read_iops", "device_write_iops");

    private final NormalizeContext context;

    DevelopRules(NormalizeContext context) {
        this.context = context;
    }

    Node develop(Node v, YamlPath p) {
        MapNode m = Expect.map(v, p);
        return m.get("watch")
                .map(w -> (Node) m.with("watch", watch(w, p.key("watch"))))
                .orElse(m);
    }

    private Node watch(Node v, YamlPath p) {
        SeqNode seq = Expect.seq(v, p);
        List<Node> out = new ArrayList<>(seq.size());
        for (int i = 0; i < seq.size(); i++) {
            MapNode rule = Expect.map(seq.get(i), p.index(i));
            YamlPath rp = p.index(i);
            out.add(rule.get("path")
                    .map(path -> rule.with(
                            "path",
                            Canonical.string(
                                    context.resolvePath(Expect.string(path, rp.key("path"))), path.location())))
                    .orElse(rule));
        }
        return Canonical.seq(out, v.location());
    }

    static Node blkioConfig(Node v, YamlPath p) {
        MapNode m = Expect.map(v, p);
        MapNode out = m;
        for (MapNode.Field f : m.fields()) {
            if (RATES.contains(f.key())) {
                out = out.with(f.key(), rates(f.value(), p.key(f.key())));
            }
        }
        return out;
    }

    private static Node rates(Node v, YamlPath p) {
        SeqNode seq = Expect.seq(v, p);
        List<Node> out = new ArrayList<>(seq.size());
        for (int i = 0; i < seq.size(); i++) {
            MapNode device = Expect.map(seq.get(i), p.index(i));
            YamlPath dp = p.index(i);
            out.add(device.get("rate")
                    .map(r -> device.with("rate", VolumeSyntax.bytes(r, dp.key("rate"))))
                    .orElse(device));
        }
        return Canonical.seq(out, v.location());
    }
}
