package dev.jcompose.loader;

import dev.jcompose.environment.Environment;
import dev.jcompose.yaml.MapNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A project after loading and merging, before normalisation.
 *
 * @param name             the project name (-p, COMPOSE_PROJECT_NAME, top-level name, or directory)
 * @param projectDirectory absolute; relative paths of {@code model} refer to it
 * @param configFiles      the names of the loaded files, in merge order
 * @param environment      the project environment the files were interpolated with
 * @param model            the merged raw tree, disabled services removed
 * @param activeProfiles   profiles in effect, sorted
 * @param declaredProfiles every profile declared by a service, sorted ({@code config --profiles})
 * @param disabledServices services left out by profiles, by name
 */
public record RawProject(
        String name,
        Path projectDirectory,
        List<String> configFiles,
        Environment environment,
        MapNode model,
        List<String> activeProfiles,
        List<String> declaredProfiles,
        SortedMap<String, MapNode> disabledServices) {
    public RawProject {
        configFiles = List.copyOf(configFiles);
        activeProfiles = List.copyOf(activeProfiles);
        declaredProfiles = List.copyOf(declaredProfiles);
        disabledServices = Collections.unmodifiableSortedMap(new TreeMap<>(disabledServices));
    }
}
