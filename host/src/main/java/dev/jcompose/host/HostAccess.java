package dev.jcompose.host;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The seams to the machine that everything below a composition root receives instead of reaching
 * for them: the command runner, the clock, the process environment and process table. A process builds one at its
 * composition root ({@code Main}, {@code EngineMain}) with {@link #of}; tests build theirs with fakes.
 *
 * @param environment the variables the process runs with (sorted); never {@code System.getenv()} below the root
 */
public record HostAccess(
        CommandRunner runner, Clock clock, SortedMap<String, String> environment, ProcessTable processes) {
    public HostAccess {
        environment = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(environment));
    }

    /** The real machine: processes, the system clock, and {@code environment}. */
    public static HostAccess of(Map<String, String> environment) {
        return new HostAccess(
                new ProcessCommandRunner(), Clock.system(), new TreeMap<>(environment), ProcessTable.system());
    }

    /** Where jcompose keeps its state, as the environment says ({@code JCOMPOSE_DATA_ROOT}, {@code JCOMPOSE_RUN_ROOT}). */
    public HostPaths paths() {
        return HostPaths.fromEnvironment(environment);
    }

    /** The same seams with other variables (the engine adds what its launcher passed as properties). */
    public HostAccess withEnvironment(Map<String, String> variables) {
        return new HostAccess(runner, clock, new TreeMap<>(variables), processes);
    }
}
