package dev.jcompose.model;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.Location;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.TreeJson;
import dev.jcompose.yaml.YamlPath;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Binds the normaliser's canonical tree to {@link Project} records. The tree is already valid and
 * canonical, so a failure here is a jcompose bug; it is still reported against the file, line and
 * column of the offending value so the bug report can say what input triggered it.
 */
public final class ProjectBinder {

    public Project bind(MapNode canonical) {
        JsonNode json = TreeJson.toJson(canonical);
        try {
            return ModelJson.mapper().treeToValue(json, Project.class);
        } catch (JsonMappingException e) {
            YamlPath path = pathOf(e);
            Node at = TreeJson.locate(canonical, path);
            Location where = at.location();
            if (e.getCause() instanceof Copies.UnknownFieldException unknown && at instanceof MapNode map) {
                path = path.key(unknown.field());
                where = map.field(unknown.field())
                        .map(MapNode.Field::keyLocation)
                        .orElse(where);
            }
            throw new ComposeFileException(
                    where,
                    path,
                    "the normalised model does not bind: " + oneLine(e.getOriginalMessage()),
                    "this is a jcompose bug: please report it with the compose file that triggers it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static YamlPath pathOf(JsonMappingException e) {
        YamlPath path = YamlPath.ROOT;
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path = path.key(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path = path.index(ref.getIndex());
            }
        }
        return path;
    }

    private static String oneLine(String s) {
        String first = s == null ? "binding failed" : s.lines().findFirst().orElse(s);
        int source = first.indexOf(" at [Source");
        return (source > 0 ? first.substring(0, source) : first).trim();
    }
}
