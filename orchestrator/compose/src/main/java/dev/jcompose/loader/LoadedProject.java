package dev.jcompose.loader;

import dev.jcompose.model.Project;
import dev.jcompose.yaml.MapNode;

/**
 * A fully loaded project: the merged raw tree with its environment and profiles, the canonical
 * tree (locations kept, for errors found later), and the immutable model the engine uses.
 */
public record LoadedProject(RawProject raw, MapNode canonical, Project project) {}
