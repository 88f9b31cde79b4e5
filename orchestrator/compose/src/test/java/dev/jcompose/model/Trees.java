package dev.jcompose.model;

import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.YamlReader;

/** Canonical input trees for tests, from inline YAML or JSON (JSON is YAML). */
public final class Trees {
    private Trees() {}

    public static MapNode parse(String text) {
        return (MapNode) new YamlReader().readOne(text, "compose.yaml").orElseThrow();
    }
}
