package dev.jcompose.api;

import dev.jcompose.state.ContainerState;
import dev.jcompose.state.Health;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One row of {@code ps}: name, service, replica number, image, command, state ({@code running},
 * {@code exited}, {@code restarting}...), health ({@code healthy}, {@code starting}, {@code unhealthy}
 * or {@code NONE}, shown empty), exit code, published ports as {@link PortBinding}s; and for
 * docker's STATUS and CREATED columns the runtime's times (null when unknown or not yet), the
 * container's labels and its address on each network it is attached to ({@code addresses}: network
 * name to IPv4 address).
 *
 * @param created  when the container was created
 * @param started  when it last started; null if it never ran
 * @param finished when it last exited (conmon's exit time); null while it runs or if it never ran
 * @param healthOutput what the last health probe printed (docker's {@code State.Health.Log}); empty when none
 * @param mounts   what is mounted, as docker lists it: a volume's name, a bind mount's host path (no tmpfs)
 * @param localVolumes how many of the mounts are volumes (docker's LocalVolumes: local driver volumes)
 */
public record ContainerSummary(
        String id,
        String name,
        String project,
        String service,
        int number,
        String image,
        String command,
        ContainerState state,
        Health health,
        int exitCode,
        List<PortBinding> ports,
        Instant created,
        Instant started,
        Instant finished,
        SortedMap<String, String> labels,
        SortedMap<String, String> addresses,
        String healthOutput,
        List<String> mounts,
        int localVolumes) {
    public ContainerSummary {
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        healthOutput = healthOutput == null ? "" : healthOutput;
        ports = List.copyOf(ports);
        health = health == null ? Health.NONE : health;
        labels = new TreeMap<>(labels == null ? Map.of() : labels);
        addresses = Collections.unmodifiableSortedMap(new TreeMap<>(addresses == null ? Map.of() : addresses));
    }

    /** The networks the container is attached to, sorted. */
    public List<String> networks() {
        return List.copyOf(addresses.keySet());
    }

    /** A row without mounts. */
    public ContainerSummary(
            String id,
            String name,
            String project,
            String service,
            int number,
            String image,
            String command,
            ContainerState state,
            Health health,
            int exitCode,
            List<PortBinding> ports,
            Instant created,
            Instant started,
            Instant finished,
            SortedMap<String, String> labels,
            SortedMap<String, String> addresses,
            String healthOutput) {
        this(
                id,
                name,
                project,
                service,
                number,
                image,
                command,
                state,
                health,
                exitCode,
                ports,
                created,
                started,
                finished,
                labels,
                addresses,
                healthOutput,
                List.of(),
                0);
    }

    /** A row without the last health probe's output. */
    public ContainerSummary(
            String id,
            String name,
            String project,
            String service,
            int number,
            String image,
            String command,
            ContainerState state,
            Health health,
            int exitCode,
            List<PortBinding> ports,
            Instant created,
            Instant started,
            Instant finished,
            SortedMap<String, String> labels,
            SortedMap<String, String> addresses) {
        this(
                id, name, project, service, number, image, command, state, health, exitCode, ports, created, started,
                finished, labels, addresses, "");
    }

    /** A row without times, labels or networks. */
    public ContainerSummary(
            String id,
            String name,
            String project,
            String service,
            int number,
            String image,
            String command,
            ContainerState state,
            Health health,
            int exitCode,
            List<PortBinding> ports) {
        this(
                id, name, project, service, number, image, command, state, health, exitCode, ports, null, null, null,
                null, null);
    }

    /** docker compose's STATUS-ish text: {@code running (healthy)}, {@code exited (1)}. */
    public String status() {
        if (state == ContainerState.EXITED) {
            return "exited (" + exitCode + ")";
        }
        return health == Health.NONE ? state.text() : state.text() + " (" + health.text() + ")";
    }
}
