package dev.jcompose.schema.service;

import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.YamlPath;

/** Turns one raw service field into its canonical node, or null to leave the field out. */
@FunctionalInterface
interface FieldRule {
    Node apply(Node value, YamlPath path);
}
