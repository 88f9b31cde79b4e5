package dev.jcompose.loader;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.environment.Environment;
import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.Location;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.Utf8Text;
import dev.jcompose.yaml.YamlPath;
import dev.jcompose.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads one compose file into its documents, each checked to be a mapping (with {@code services}
 * a mapping of mappings), interpolated, and stripped of the obsolete {@code version} attribute.
 */
final class ComposeFileReader {
    private final YamlReader yaml = new YamlReader();
    private final DocumentInterpolation interpolation;
    private final boolean interpolate;
    private final Supplier<String> stdin;
    private final Consumer<String> warnings;

    ComposeFileReader(
            DocumentInterpolation interpolation,
            boolean interpolate,
            Supplier<String> stdin,
            Consumer<String> warnings) {
        this.interpolation = interpolation;
        this.interpolate = interpolate;
        this.stdin = stdin;
        this.warnings = warnings;
    }

    List<MapNode> read(ConfigFile file, Environment env) {
        List<MapNode> docs = new ArrayList<>();
        boolean warned = false;
        for (Node doc : yaml.readAll(text(file), file.name())) {
            if (!(doc instanceof MapNode map)) {
                throw new ComposeFileException(
                        doc.location(),
                        null,
                        "Top-level object must be a mapping",
                        "a compose file is a mapping with keys such as services, networks and volumes");
            }
            MapNode checked = checkServices(map);
            if (interpolate) {
                checked = (MapNode) interpolation.interpolate(checked, env, warnings);
            }
            NulCharacters.reject(checked);
            if (checked.has("version")) {
                if (!warned) {
                    warnings.accept(file.name() + ": the attribute `version` is obsolete, it will be ignored,"
                            + " please remove it to avoid potential confusion");
                    warned = true;
                }
                checked = checked.without("version");
            }
            docs.add(checked);
        }
        return docs;
    }

    /**
     * The last non-empty top-level {@code name} of the file's documents, interpolated on its own:
     * compose-go reads it before the rest so that {@code ${COMPOSE_PROJECT_NAME}} resolves.
     */
    java.util.Optional<String> name(ConfigFile file, Environment env) {
        String found = null;
        for (Node doc : yaml.readAll(text(file), file.name())) {
            if (doc instanceof MapNode map && map.get("name").orElse(null) instanceof ScalarNode s && !s.isNull()) {
                MapNode alone = MapNode.empty(map.location()).with("name", s);
                Node value = interpolate ? interpolation.interpolate(alone, env, w -> {}) : alone;
                String text = ((MapNode) value)
                        .get("name")
                        .map(n -> ((ScalarNode) n).text())
                        .orElse("");
                found = text == null || text.isEmpty() ? found : text;
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    private String text(ConfigFile file) {
        if (file.isStdin()) {
            return stdin.get();
        }
        try {
            return Utf8Text.decode(Files.readAllBytes(file.path()), file.name());
        } catch (NoSuchFileException e) {
            throw new JcomposeException(
                    "open " + file.name() + ": no such file or directory",
                    "check the compose file path",
                    ExitCode.FILE_NOT_FOUND,
                    e);
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot read " + file.name() + ": " + e.getMessage(),
                    "check the file's permissions",
                    ExitCode.FILE_NOT_FOUND,
                    e);
        }
    }

    /** {@code services} must be a mapping whose values are mappings (or empty). */
    static MapNode checkServices(MapNode doc) {
        Node services = doc.get("services").orElse(null);
        if (services == null || isNull(services)) {
            return doc;
        }
        if (!(services instanceof MapNode map)) {
            throw ComposeFileException.at(
                    services,
                    YamlPath.of("services"),
                    "must be a mapping, not " + services.kindName(),
                    "list services as name: definition");
        }
        for (MapNode.Field f : map.fields()) {
            if (!(f.value() instanceof MapNode) && !isNull(f.value())) {
                throw ComposeFileException.at(
                        f.value(),
                        YamlPath.of("services", f.key()),
                        "a service must be a mapping, not " + f.value().kindName(),
                        "define the service with keys such as image: or build:");
            }
        }
        return doc;
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.isNull();
    }

    static Location fileLocation(ConfigFile file) {
        return Location.of(file.name());
    }
}
