package dev.jcompose.stack;

import java.util.List;
import java.util.Map;

/**
 * {@code run SERVICE [COMMAND...]}'s command line.
 *
 * @param command      replaces the service's command; empty = the service's
 * @param entrypoint   replaces the service's entrypoint; null = the service's
 * @param publish      {@code -p [IP:]PUBLISHED:TARGET[/PROTO]}; the service's own ports are not published
 * @param servicePorts {@code --service-ports}: publish the service's ports (then {@code publish} is added)
 * @param name         the container's name; null = {@code <project>-<service>-run-<random hex>}
 */
public record RunOptions(String service, List<String> command, List<String> entrypoint, Map<String, String> environment,
        List<String> publish, boolean servicePorts, String name, String workingDir, String user, boolean noDeps,
        boolean detach, boolean remove) {
    public RunOptions {
        command = command == null ? List.of() : List.copyOf(command);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        publish = publish == null ? List.of() : List.copyOf(publish);
    }
}
