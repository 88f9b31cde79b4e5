package dev.jcompose.schema;

import dev.jcompose.yaml.Location;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import dev.jcompose.yaml.YamlPath;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two spellings of a string map (labels, sysctls, annotations, environment, driver options):
 * a list of {@code KEY=VALUE} strings or a mapping whose values are scalars. Numbers and booleans
 * become their text, as compose-go's {@code fmt.Sprint} does.
 */
public final class KeyValues {
    /** One entry: {@code value} is null for {@code KEY} alone or {@code KEY: null}. */
    public record Entry(String value, Location keyLocation, Location valueLocation) {}

    private KeyValues() {}

    public static Map<String, Entry> read(Node n, YamlPath path) {
        Map<String, Entry> out = new LinkedHashMap<>();
        if (n instanceof SeqNode seq) {
            for (int i = 0; i < seq.size(); i++) {
                Node item = seq.get(i);
                String s = Expect.text(item, path.index(i));
                int eq = s.indexOf('=');
                String key = eq < 0 ? s : s.substring(0, eq);
                if (key.isEmpty()) {
                    throw Expect.error(item, path.index(i), "invalid entry '" + s + "': empty key", "write KEY=VALUE");
                }
                out.put(key, new Entry(eq < 0 ? null : s.substring(eq + 1), item.location(), item.location()));
            }
            return out;
        }
        if (n instanceof MapNode map) {
            for (MapNode.Field f : map.fields()) {
                Node v = f.value();
                String value = v instanceof ScalarNode s && s.isNull() ? null : Expect.scalarText(v, path.key(f.key()));
                out.put(f.key(), new Entry(value, f.keyLocation(), v.location()));
            }
            return out;
        }
        throw Expect.error(n, path, "must be a mapping or a list of KEY=VALUE strings", "found " + n.kindName());
    }

    /** A sorted map of strings; a missing value becomes {@code ""} (labels, sysctls, options). */
    public static MapNode strings(Node n, YamlPath path) {
        Canonical.Obj out = new Canonical.Obj(n.location());
        read(n, path)
                .forEach((k, e) -> out.put(
                        k, e.keyLocation(), Canonical.string(e.value() == null ? "" : e.value(), e.valueLocation())));
        return out.sorted();
    }
}
