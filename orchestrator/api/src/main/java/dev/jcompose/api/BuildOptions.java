package dev.jcompose.api;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code build}'s command line.
 *
 * @param services the services whose images to build; empty = every service with a build section
 * @param noCache  {@code --no-cache}: run every step again
 * @param pull     {@code --pull}: look up newer base images even when they are stored
 * @param args     {@code --build-arg KEY=VALUE}, over each service's {@code build.args}; a null value
 *                 ({@code --build-arg KEY}) takes the value from the environment the file was loaded with
 */
public record BuildOptions(List<String> services, boolean noCache, boolean pull, SortedMap<String, String> args) {
    public BuildOptions {
        services = services == null ? List.of() : List.copyOf(services);
        args = Collections.unmodifiableSortedMap(new TreeMap<>(args == null ? Map.of() : args));
    }

    public static BuildOptions defaults() {
        return new BuildOptions(List.of(), false, false, null);
    }
}
