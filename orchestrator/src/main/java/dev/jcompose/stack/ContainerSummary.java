package dev.jcompose.stack;

import java.util.List;

/**
 * One row of {@code ps}: name, service, replica number, image, command, state ({@code running},
 * {@code exited}...), health ({@code healthy}, {@code starting}, {@code unhealthy} or empty),
 * exit code, and published ports as {@code hostIp:hostPort->containerPort/proto}.
 */
public record ContainerSummary(String id, String name, String project, String service, int number, String image,
        String command, String state, String health, int exitCode, List<String> ports) {
    public ContainerSummary {
        ports = List.copyOf(ports);
        health = health == null ? "" : health;
    }

    /** docker compose's STATUS-ish text: {@code running (healthy)}, {@code exited (1)}. */
    public String status() {
        if (state.equals("exited")) {
            return "exited (" + exitCode + ")";
        }
        return health.isEmpty() ? state : state + " (" + health + ")";
    }
}
