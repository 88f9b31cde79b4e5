package dev.jcompose.loader;

import dev.jcompose.ExitCode;
import dev.jcompose.environment.Environment;
import dev.jcompose.merge.Merger;
import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.YamlPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Resolves {@code extends} in one compose document, as compose-go does: the base service (from the
 * same document, or from {@code extends.file}) is resolved first, recursively, then the extending
 * service is merged over it with the file-merge rules ({@link Merger#extend}), so every key is
 * inherited, {@code depends_on} and {@code volumes_from} included (docker compose since 2.32.2).
 *
 * <p>A base from another file is read and interpolated with the same environment; its relative
 * paths are made absolute against its own directory, and its own {@code extends.file} refers to
 * that directory. In the main files, {@code extends.file} refers to the project directory.
 */
final class ExtendsResolver {
    /** Real chains are a few links long; the bound keeps hostile files from exhausting the stack. */
    static final int MAX_DEPTH = 64;

    private final ComposeFileReader reader;
    private final Merger merger;

    ExtendsResolver(ComposeFileReader reader, Merger merger) {
        this.reader = reader;
        this.merger = merger;
    }

    /** A service in a file, one link of an extends chain. */
    private record Link(String file, String service) {
        @Override
        public String toString() {
            return service + " in " + file;
        }
    }

    /** The services of one file, the directory its extends.file paths refer to, and resolved results. */
    private record Scope(String file, Path dir, MapNode services, Environment env, Map<String, Node> done) {}

    private record Ref(String service, String file, Node serviceNode, Node fileNode) {}

    MapNode resolve(MapNode doc, ConfigFile file, Path dir, Environment env) {
        if (!(doc.get("services").orElse(null) instanceof MapNode services)) {
            return doc;
        }
        Scope scope = new Scope(file.name(), dir, services, env, new HashMap<>());
        List<MapNode.Field> out = new ArrayList<>();
        for (MapNode.Field f : services.fields()) {
            out.add(f.withValue(service(scope, f.key(), List.of())));
        }
        return doc.with("services", services.withFields(out));
    }

    private Node service(Scope scope, String name, List<Link> chain) {
        Node node = scope.services().get(name).orElseThrow();
        if (!(node instanceof MapNode svc) || !svc.has("extends")) {
            return node;
        }
        Node cached = scope.done().get(name);
        if (cached != null) {
            return cached;
        }
        YamlPath path = YamlPath.of("services", name, "extends");
        Node extendsNode = svc.get("extends").orElseThrow();
        Ref ref = ref(extendsNode, path);
        List<Link> here = new ArrayList<>(chain);
        here.add(new Link(scope.file(), name));
        if (here.size() > MAX_DEPTH) {
            throw ComposeFileException.at(
                    extendsNode,
                    path,
                    "extends chain longer than " + MAX_DEPTH + " services",
                    "flatten the chain of extends");
        }
        Node base = ref.file() == null
                ? local(scope, name, ref, here, extendsNode, path)
                : fromFile(scope, name, ref, here, extendsNode, path);
        Node merged = base instanceof MapNode b ? merger.extend(b, svc, name) : svc;
        merged = ((MapNode) merged).without("extends");
        scope.done().put(name, merged);
        return merged;
    }

    private Node local(Scope scope, String name, Ref ref, List<Link> chain, Node at, YamlPath path) {
        if (!scope.services().has(ref.service())) {
            throw ComposeFileException.at(
                    ref.serviceNode(),
                    path,
                    "cannot extend service \"" + name + "\": service \"" + ref.service() + "\" not found in "
                            + scope.file(),
                    "name a service defined in this file," + " or add file: to extend one from another file");
        }
        checkCycle(chain, new Link(scope.file(), ref.service()), at, path);
        return service(scope, ref.service(), chain);
    }

    private Node fromFile(Scope scope, String name, Ref ref, List<Link> chain, Node at, YamlPath path) {
        Path file = scope.dir().resolve(ref.file()).normalize();
        if (!Files.isRegularFile(file)) {
            throw new ComposeFileException(
                    ref.fileNode().location(),
                    path,
                    "cannot extend service \"" + name + "\": file " + ref.file() + " not found (" + file + ")",
                    "extends.file is relative to " + scope.dir(),
                    ExitCode.FILE_NOT_FOUND);
        }
        ConfigFile other = ConfigFile.of(file);
        MapNode doc = null;
        for (MapNode d : reader.read(other, scope.env())) {
            doc = doc == null ? merger.single(d) : merger.merge(doc, d);
        }
        MapNode services = doc == null
                ? null
                : doc.get("services")
                        .filter(MapNode.class::isInstance)
                        .map(MapNode.class::cast)
                        .orElse(null);
        if (services == null || !services.has(ref.service())) {
            throw ComposeFileException.at(
                    ref.serviceNode(),
                    path,
                    "cannot extend service \"" + name + "\": service \"" + ref.service() + "\" not found in "
                            + other.name(),
                    "check the service name in extends.service");
        }
        checkCycle(chain, new Link(other.name(), ref.service()), at, path);
        Scope otherScope = new Scope(other.name(), file.getParent(), services, scope.env(), new HashMap<>());
        return PathRebaser.service(service(otherScope, ref.service(), chain), file.getParent());
    }

    private static void checkCycle(List<Link> chain, Link next, Node at, YamlPath path) {
        if (chain.contains(next)) {
            List<Link> cycle = new ArrayList<>(chain);
            cycle.add(next);
            throw ComposeFileException.at(
                    at,
                    path,
                    "circular extends: " + cycle.stream().map(Link::toString).collect(Collectors.joining(" -> ")),
                    "break the cycle: a service cannot extend itself, directly or through others");
        }
    }

    private static Ref ref(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && !s.isNull()) {
            return new Ref(s.text(), null, s, null);
        }
        if (node instanceof MapNode m && m.get("service").orElse(null) instanceof ScalarNode s && !s.isNull()) {
            Node file = m.get("file").orElse(null);
            if (file != null && !(file instanceof ScalarNode fs && !fs.isNull())) {
                throw ComposeFileException.at(
                        file,
                        path.key("file"),
                        "must be a string, not " + file.kindName(),
                        "write the path of the compose file holding the base service");
            }
            return new Ref(s.text(), file == null ? null : ((ScalarNode) file).text(), s, file);
        }
        throw ComposeFileException.at(
                node,
                path,
                "extends needs a service name",
                "write extends: base, or extends: {service: base, file: other.yaml}");
    }
}
