package dev.jcompose.schema;

import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.TreeJson;

/** JSON of one top-level section of a canonical project. */
final class TreeJsonOf {
    private TreeJsonOf() {}

    static String section(MapNode project, String key) {
        return project.get(key).map(TreeJson::render).orElse("absent");
    }
}
