package dev.jcompose.container;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A command to run in a running container; null user/workingDir mean the container's. */
public record ExecRequest(List<String> args, Map<String, String> env, String user, String workingDir) {
    public ExecRequest {
        args = List.copyOf(args);
        env = env == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(env));
    }

    public static ExecRequest of(String... args) {
        return new ExecRequest(List.of(args), Map.of(), null, null);
    }
}
