package dev.jcompose.schema;

import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import dev.jcompose.yaml.YamlPath;

/**
 * References between a canonical project's parts, with compose-go's messages: networks, volumes,
 * secrets and configs a service uses must be declared; depends_on and network_mode must name
 * services (an optional dependency, {@code required: false}, may be missing).
 */
final class ProjectChecks {
    private ProjectChecks() {
    }

    static void check(MapNode project) {
        MapNode services = (MapNode) project.get("services").orElseThrow();
        for (MapNode.Field s : services.fields()) {
            MapNode service = (MapNode) s.value();
            YamlPath path = YamlPath.of("services", s.key());
            declared(project, "networks", service, path, s.key(), "network");
            declaredVolumes(project, service, path, s.key());
            declaredReferences(project, "secrets", service, path, s.key(), "secret");
            declaredReferences(project, "configs", service, path, s.key(), "config");
            service.get("network_mode").ifPresent(m -> {
                String mode = ((ScalarNode) m).text();
                if (mode.startsWith("service:") && !services.has(mode.substring(8))) {
                    String target = mode.substring(8);
                    throw new ComposeFileException(m.location(), path.key("network_mode"), "service \"" + target
                            + "\" not found for network_mode 'service:" + target + "'", "name a service of this project");
                }
            });
            service.get("depends_on").ifPresent(d -> {
                for (MapNode.Field dep : ((MapNode) d).fields()) {
                    boolean required = ((MapNode) dep.value()).get("required")
                            .map(r -> Boolean.parseBoolean(((ScalarNode) r).text())).orElse(true);
                    if (required && !services.has(dep.key())) {
                        throw new ComposeFileException(dep.keyLocation(), path.key("depends_on"), "service \""
                                + s.key() + "\" depends on undefined service \"" + dep.key() + "\"",
                                "define the service, or mark the dependency required: false");
                    }
                }
            });
        }
    }

    private static void declared(MapNode project, String section, MapNode service, YamlPath path, String name,
                                 String what) {
        service.get(section).ifPresent(n -> {
            for (MapNode.Field f : ((MapNode) n).fields()) {
                if (!has(project, section, f.key())) {
                    throw undefined(f.keyLocation(), path.key(section), name, what, f.key());
                }
            }
        });
    }

    private static void declaredVolumes(MapNode project, MapNode service, YamlPath path, String name) {
        service.get("volumes").ifPresent(n -> {
            SeqNode seq = (SeqNode) n;
            for (int i = 0; i < seq.size(); i++) {
                MapNode v = (MapNode) seq.get(i);
                String type = ((ScalarNode) v.get("type").orElseThrow()).text();
                var source = v.get("source").map(x -> ((ScalarNode) x).text());
                if (type.equals("volume") && source.isPresent() && !has(project, "volumes", source.get())) {
                    throw undefined(v.location(), path.key("volumes").index(i), name, "volume", source.get());
                }
            }
        });
    }

    private static void declaredReferences(MapNode project, String section, MapNode service, YamlPath path,
                                           String name, String what) {
        service.get(section).ifPresent(n -> {
            SeqNode seq = (SeqNode) n;
            for (int i = 0; i < seq.size(); i++) {
                Node source = ((MapNode) seq.get(i)).get("source").orElseThrow();
                String s = ((ScalarNode) source).text();
                if (!has(project, section, s)) {
                    throw undefined(source.location(), path.key(section).index(i), name, what, s);
                }
            }
        });
    }

    private static boolean has(MapNode project, String section, String key) {
        return project.get(section).map(s -> ((MapNode) s).has(key)).orElse(false);
    }

    private static ComposeFileException undefined(dev.jcompose.yaml.Location at, YamlPath path, String service,
                                                  String what, String ref) {
        return new ComposeFileException(at, path, "service \"" + service + "\" refers to undefined " + what + " "
                + ref, "declare it under the top-level " + what + "s section");
    }
}
