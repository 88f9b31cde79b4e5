package dev.jcompose.api;

import java.util.List;
import java.util.Map;

/**
 * {@code exec SERVICE COMMAND}: which replica ({@code index}, from 1; 0 when {@code --index} is not
 * given: the first running replica, else a running one-off, as docker compose picks), user, working
 * dir, extra env.
 */
public record ExecOptions(
        String service,
        int index,
        List<String> command,
        String user,
        String workingDir,
        Map<String, String> environment) {
    public ExecOptions {
        command = List.copyOf(command);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        index = Math.max(0, index);
    }

    public static ExecOptions of(String service, String... command) {
        return new ExecOptions(service, 1, List.of(command), null, null, Map.of());
    }
}
