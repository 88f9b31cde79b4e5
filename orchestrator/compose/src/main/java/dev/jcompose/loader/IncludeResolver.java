package dev.jcompose.loader;

import dev.jcompose.ExitCode;
import dev.jcompose.environment.Environment;
import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import dev.jcompose.yaml.YamlPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves the top-level {@code include} of one document (compose-spec include.md). Each entry is
 * loaded as a project of its own: its project directory (default: the directory of its first file),
 * its own environment (its env_file, default its project directory's {@code .env}, under the
 * including project's variables), its own includes and extends. Its relative paths are made
 * absolute against its project directory, then its resources are copied into the including
 * document; a resource the document defines differently is an error, as in docker compose.
 */
final class IncludeResolver {
    private static final List<String> RESOURCES =
            List.of("services", "volumes", "networks", "secrets", "configs", "models");

    private final ModelLoader loader;
    private final EnvironmentSource environments;

    IncludeResolver(ModelLoader loader, EnvironmentSource environments) {
        this.loader = loader;
        this.environments = environments;
    }

    private record Entry(List<Path> paths, List<Node> pathNodes, Path projectDirectory, List<Path> envFiles) {}

    MapNode resolve(MapNode doc, LoadContext ctx) {
        Node include = doc.get("include").orElse(null);
        if (include == null) {
            return doc;
        }
        MapNode result = doc.without("include");
        if (ComposeFileReader.isNull(include)) {
            return result;
        }
        if (!(include instanceof SeqNode seq)) {
            throw ComposeFileException.at(
                    include,
                    YamlPath.of("include"),
                    "must be a list, not " + include.kindName(),
                    "write include: [path/to/compose.yaml, ...]");
        }
        for (int i = 0; i < seq.size(); i++) {
            YamlPath path = YamlPath.of("include").index(i);
            Entry entry = entry(seq.get(i), path, ctx.workingDir());
            checkCycle(entry, ctx, path);
            Environment env = environments.includedEnvironment(ctx.environment(), envFiles(entry));
            List<ConfigFile> files = entry.paths().stream().map(ConfigFile::of).toList();
            MapNode model = loader.load(files, new LoadContext(entry.projectDirectory(), env, ctx.includeChain()));
            result = importResources(PathRebaser.model(model, entry.projectDirectory()), result);
        }
        return result;
    }

    private Entry entry(Node item, YamlPath path, Path workingDir) {
        Node pathNode = item;
        Node projectDir = null;
        Node envFile = null;
        if (item instanceof MapNode m) {
            pathNode = m.get("path")
                    .orElseThrow(() -> ComposeFileException.at(
                            m, path, "include needs a path", "write path: relative/path/to/compose.yaml"));
            projectDir = m.get("project_directory").orElse(null);
            envFile = m.get("env_file").orElse(null);
        }
        List<Node> pathNodes = strings(pathNode, path.key("path"));
        List<Path> paths = new ArrayList<>();
        for (Node p : pathNodes) {
            Path file = workingDir.resolve(((ScalarNode) p).text()).normalize();
            if (!Files.isRegularFile(file)) {
                throw new ComposeFileException(
                        p.location(),
                        path,
                        "included file " + file + " not found",
                        "include paths are relative to " + workingDir,
                        ExitCode.FILE_NOT_FOUND);
            }
            paths.add(file);
        }
        Path dir = projectDir == null || ComposeFileReader.isNull(projectDir)
                ? paths.getFirst().getParent()
                : workingDir
                        .resolve(string(projectDir, path.key("project_directory")))
                        .normalize();
        List<Path> envFiles = new ArrayList<>();
        if (envFile != null && !ComposeFileReader.isNull(envFile)) {
            for (Node e : strings(envFile, path.key("env_file"))) {
                Path f = workingDir.resolve(((ScalarNode) e).text()).normalize();
                if (!Files.isRegularFile(f)) {
                    throw new ComposeFileException(
                            e.location(),
                            path.key("env_file"),
                            "env file " + f + " not found",
                            "env_file paths are relative to " + workingDir,
                            ExitCode.FILE_NOT_FOUND);
                }
                envFiles.add(f);
            }
        }
        return new Entry(paths, pathNodes, dir, envFiles);
    }

    private static List<Path> envFiles(Entry entry) {
        if (!entry.envFiles().isEmpty()) {
            return entry.envFiles();
        }
        Path dotEnv = entry.projectDirectory().resolve(".env");
        return Files.isRegularFile(dotEnv) ? List.of(dotEnv) : List.of();
    }

    private static void checkCycle(Entry entry, LoadContext ctx, YamlPath path) {
        String first = entry.paths().getFirst().toString();
        if (ctx.includeChain().contains(first)) {
            List<String> cycle = new ArrayList<>(ctx.includeChain()
                    .subList(
                            ctx.includeChain().indexOf(first),
                            ctx.includeChain().size()));
            cycle.add(first);
            throw ComposeFileException.at(
                    entry.pathNodes().getFirst(),
                    path,
                    "include cycle detected: " + String.join(" -> ", cycle),
                    "remove one of the include entries that form the cycle");
        }
    }

    private static List<Node> strings(Node node, YamlPath path) {
        List<Node> items = node instanceof SeqNode s ? s.items() : List.of(node);
        for (int i = 0; i < items.size(); i++) {
            string(items.get(i), node instanceof SeqNode ? path.index(i) : path);
        }
        if (items.isEmpty()) {
            throw ComposeFileException.at(node, path, "must name at least one file", null);
        }
        return items;
    }

    private static String string(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && !s.isNull()) {
            return s.text();
        }
        throw ComposeFileException.at(node, path, "must be a string, not " + node.kindName(), null);
    }

    private static MapNode importResources(MapNode imported, MapNode target) {
        MapNode result = target;
        for (String section : RESOURCES) {
            if (!(imported.get(section).orElse(null) instanceof MapNode from)) {
                continue;
            }
            MapNode to = result.get(section)
                    .filter(MapNode.class::isInstance)
                    .map(MapNode.class::cast)
                    .orElse(MapNode.empty(from.location()));
            List<MapNode.Field> fields = new ArrayList<>(to.fields());
            for (MapNode.Field f : from.fields()) {
                MapNode.Field existing = to.field(f.key()).orElse(null);
                if (existing == null) {
                    fields.add(f);
                } else if (!Trees.sameContent(existing.value(), f.value())) {
                    throw new ComposeFileException(
                            existing.keyLocation(),
                            YamlPath.of(section, f.key()),
                            "conflicts with imported resource defined at " + f.keyLocation(),
                            "rename one of them, or define it only in the included project");
                }
            }
            result = result.with(section, to.withFields(fields));
        }
        return result;
    }
}
