package dev.jcompose.api;

import dev.jcompose.model.ServiceVolume;
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
 * @param stdin        conmon keeps the one-off's standard input open ({@code -i}): for an attached
 *                     client, or (detached) with no writer, as docker keeps it, so {@code run -d svc cat} runs on
 * @param tty          the one-off gets a pseudo-TTY, served on conmon's attach socket
 * @param volumes      {@code -v/--volume(s)}: mounts added to the service's own
 */
public record RunOptions(
        String service,
        List<String> command,
        List<String> entrypoint,
        Map<String, String> environment,
        List<String> publish,
        boolean servicePorts,
        String name,
        String workingDir,
        String user,
        boolean noDeps,
        boolean detach,
        boolean remove,
        boolean stdin,
        boolean tty,
        List<ServiceVolume> volumes) {
    public RunOptions {
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        command = command == null ? List.of() : List.copyOf(command);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        publish = publish == null ? List.of() : List.copyOf(publish);
    }

    /** {@code <project>-<service>-run-<hex>}, as compose names one-off containers (the default {@code name}). */
    public static String oneOffName(String project, String service, String hex) {
        return project + "-" + service + "-run-" + hex;
    }

    /** Without extra volumes. */
    public RunOptions(
            String service,
            List<String> command,
            List<String> entrypoint,
            Map<String, String> environment,
            List<String> publish,
            boolean servicePorts,
            String name,
            String workingDir,
            String user,
            boolean noDeps,
            boolean detach,
            boolean remove,
            boolean stdin,
            boolean tty) {
        this(
                service,
                command,
                entrypoint,
                environment,
                publish,
                servicePorts,
                name,
                workingDir,
                user,
                noDeps,
                detach,
                remove,
                stdin,
                tty,
                List.of());
    }

    /** Without standard input or terminal (the output is followed from the log). */
    public RunOptions(
            String service,
            List<String> command,
            List<String> entrypoint,
            Map<String, String> environment,
            List<String> publish,
            boolean servicePorts,
            String name,
            String workingDir,
            String user,
            boolean noDeps,
            boolean detach,
            boolean remove) {
        this(
                service,
                command,
                entrypoint,
                environment,
                publish,
                servicePorts,
                name,
                workingDir,
                user,
                noDeps,
                detach,
                remove,
                false,
                false);
    }
}
