package dev.jcompose.console;

import dev.jcompose.state.ContainerState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A project as {@code ls} lists it.
 *
 * @param states      how many containers are in each state
 * @param configFiles the compose files it was started from
 */
public record ProjectView(String name, Map<ContainerState, Integer> states, List<String> configFiles) {
    public ProjectView {
        states = new TreeMap<>(states);
        configFiles = List.copyOf(configFiles);
    }
}
