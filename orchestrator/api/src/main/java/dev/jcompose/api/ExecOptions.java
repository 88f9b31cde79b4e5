package dev.jcompose.api;

import java.util.List;
import java.util.Map;

/** {@code exec SERVICE COMMAND}: which replica ({@code index}, from 1), user, working dir, extra env. */
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
        index = index < 1 ? 1 : index;
    }

    public static ExecOptions of(String service, String... command) {
        return new ExecOptions(service, 1, List.of(command), null, null, Map.of());
    }
}
