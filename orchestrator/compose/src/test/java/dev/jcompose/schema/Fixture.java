package dev.jcompose.schema;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.environment.EnvFileRef;
import dev.jcompose.environment.Environment;
import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.TreeJson;
import dev.jcompose.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds projects from inline YAML and renders their canonical form as compact JSON. */
final class Fixture {
    final List<String> warnings = new ArrayList<>();
    final List<List<EnvFileRef>> envFileCalls = new ArrayList<>();
    final Map<Path, Map<String, String>> envFiles = new LinkedHashMap<>();
    Environment environment = Environment.of(Map.of("FOO", "from-env", "HOME_DIR", "/home/u"));

    NormalizeContext context() {
        return new NormalizeContext(
                "proj", Path.of("/work/proj"), Path.of("/home/u"), environment, warnings::add, refs -> {
                    envFileCalls.add(refs);
                    Map<String, String> out = new LinkedHashMap<>();
                    refs.forEach(r -> out.putAll(envFiles.getOrDefault(r.path(), Map.of())));
                    return out;
                });
    }

    MapNode project(String yaml) {
        Node root = new YamlReader().readOne(yaml, "compose.yaml").orElseThrow();
        return new Normalizer(context()).normalize((MapNode) root);
    }

    String json(String yaml) {
        return TreeJson.render(project(yaml));
    }

    /** The service {@code web} (image alpine) with {@code body} indented under it. */
    static String web(String body) {
        StringBuilder sb = new StringBuilder("services:\n  web:\n    image: alpine\n");
        for (String line : body.split("\n", -1)) {
            if (!line.isEmpty()) {
                sb.append("    ").append(line).append('\n');
            }
        }
        return sb.toString();
    }

    /** JSON of one canonical field of service web, or "absent". */
    String field(String body, String key) {
        MapNode web = (MapNode) ((MapNode) project(web(body)).get("services").orElseThrow())
                .get("web")
                .orElseThrow();
        return web.get(key).map(TreeJson::render).orElse("absent");
    }

    /** Like {@link #field(String, String)} with raw YAML appended after service web (more services, top-level sections). */
    String field(String body, String key, String after) {
        MapNode web =
                (MapNode) ((MapNode) project(web(body) + after).get("services").orElseThrow())
                        .get("web")
                        .orElseThrow();
        return web.get(key).map(TreeJson::render).orElse("absent");
    }

    /** The message and hint of the error the project raises, as "message | hint". */
    String error(String yaml) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> project(yaml))
                .isInstanceOf(ComposeFileException.class)
                .satisfies(t -> caught[0] = t);
        ComposeFileException e = (ComposeFileException) caught[0];
        return e.getMessage() + (e.hint() == null ? "" : " | " + e.hint());
    }

    String webError(String body) {
        return error(web(body));
    }
}
