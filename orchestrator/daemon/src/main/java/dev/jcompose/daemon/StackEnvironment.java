package dev.jcompose.daemon;

import dev.jcompose.host.HostPaths;
import dev.jcompose.nat.Chains;
import dev.jcompose.stack.StackSettings;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code JCOMPOSE_*} variables that shape a stack, and how they reach the engine process. The
 * engine is started by whichever CLI comes first and inherits that process's environment; a CLI run
 * in process (tests) has its variables in a map instead, so they travel as {@code -Djcompose.env.NAME=value}
 * system properties and the engine prefers them.
 *
 * <p>{@code JCOMPOSE_CGROUP_PARENT} and {@code JCOMPOSE_CHAIN_PREFIX} let a test stack keep its cgroups
 * and iptables chains apart from the host's real ones.
 */
public final class StackEnvironment {
    static final String PROPERTY_PREFIX = "jcompose.env.";
    static final List<String> NAMES = List.of(
            "JCOMPOSE_DATA_ROOT",
            "JCOMPOSE_RUN_ROOT",
            "JCOMPOSE_CGROUP_PARENT",
            "JCOMPOSE_CHAIN_PREFIX",
            "JCOMPOSE_RUNTIME",
            "JCOMPOSE_SOCKET_GROUP");

    private StackEnvironment() {}

    /** The JVM options that carry {@code env}'s jcompose variables to the engine, sorted. */
    public static List<String> jvmOptions(Map<String, String> env) {
        return NAMES.stream()
                .filter(env::containsKey)
                .sorted()
                .map(n -> "-D" + PROPERTY_PREFIX + n + "=" + env.get(n))
                .toList();
    }

    /** The engine's view: its process environment, with the variables its launcher passed on top. */
    public static SortedMap<String, String> ofEngine(Map<String, String> processEnv, Map<Object, Object> properties) {
        SortedMap<String, String> env = new TreeMap<>(processEnv);
        properties.forEach((k, v) -> {
            String key = k.toString();
            if (key.startsWith(PROPERTY_PREFIX)) {
                env.put(key.substring(PROPERTY_PREFIX.length()), v.toString());
            }
        });
        return env;
    }

    /** {@link StackSettings#standard}, with the cgroup parent and chain prefix overridable. */
    public static StackSettings settings(Map<String, String> env) {
        StackSettings base = StackSettings.standard(env);
        return new StackSettings(
                HostPaths.fromEnvironment(env),
                env.getOrDefault("JCOMPOSE_CGROUP_PARENT", base.cgroupParent()),
                new Chains(
                        env.getOrDefault("JCOMPOSE_CHAIN_PREFIX", base.chains().prefix())),
                base.dnsUpstreams(),
                base.pull());
    }
}
