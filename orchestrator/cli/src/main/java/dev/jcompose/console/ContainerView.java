package dev.jcompose.console;

import dev.jcompose.state.ContainerState;
import dev.jcompose.state.Health;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@code ps} shows of one container; the engine fills it from what it observed.
 *
 * @param id         the full container id
 * @param name       {@code shop-web-1}
 * @param command    entrypoint and command joined by spaces, as docker shows it
 * @param startedAt  when it last started (running, paused), or null
 * @param finishedAt when it last stopped (exited, restarting), or null
 * @param mounts     volume names and bind mount host paths
 * @param localVolumes how many of {@code mounts} are volumes
 */
public record ContainerView(
        String id,
        String name,
        String image,
        String command,
        String project,
        String service,
        Instant created,
        ContainerState state,
        Instant startedAt,
        Instant finishedAt,
        int exitCode,
        Health health,
        List<PortPublisher> publishers,
        Map<String, String> labels,
        List<String> networks,
        List<String> mounts,
        int localVolumes) {
    public ContainerView {
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(created, "created");
        id = id == null ? "" : id;
        image = image == null ? "" : image;
        command = command == null ? "" : command;
        project = project == null ? "" : project;
        service = service == null ? "" : service;
        health = health == null ? Health.NONE : health;
        publishers = publishers == null ? List.of() : List.copyOf(publishers);
        labels = labels == null ? Map.of() : new TreeMap<>(labels);
        networks = networks == null ? List.of() : List.copyOf(networks);
    }
}
