package dev.jcompose.observe;

import dev.jcompose.model.DependencyCondition;
import dev.jcompose.model.References;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.model.ServiceDependency;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A container's dependencies as labels, so that commands given only a project name ({@code stop},
 * {@code start}, {@code down -p NAME}) still know the project's dependency graph.
 *
 * <p>{@link Labels#DEPENDS_ON} is written as docker compose v2 writes it: comma-separated
 * {@code service:condition:restart} entries ({@code db:service_healthy:true}), here sorted by service
 * so that the label is deterministic. compose's format has no room for {@code required}; reading it,
 * compose takes every dependency as required. jcompose also lists the optional ones in
 * {@link #OPTIONAL} (only when there are any), which compose ignores, so that {@code start} honours
 * {@code required: false} like {@code up}. Neither label is part of the config hash: depends_on is
 * not hashed, and containers created before these labels existed are not recreated for them.
 *
 * <p>The implicit dependencies jcompose orders services by ({@code network_mode: service:x},
 * {@code volumes_from}, {@code links}) are entries too, as compose-go adds them to depends_on:
 * {@code service_started}, restart true, required.
 */
public final class DependsOnLabel {
    /** The services among {@link Labels#DEPENDS_ON} that are {@code required: false}, comma-separated. */
    public static final String OPTIONAL = "dev.jcompose.depends_on.optional";

    private static final java.util.Set<String> GO_TRUE = java.util.Set.of("1", "t", "T", "true", "TRUE", "True");

    private DependsOnLabel() {}

    /** Explicit depends_on plus the implicit dependencies, by service name. */
    public static SortedMap<String, ServiceDependency> effective(ServiceConfig s) {
        SortedMap<String, ServiceDependency> out = new TreeMap<>(s.dependsOn());
        ServiceDependency implicit = new ServiceDependency(DependencyCondition.SERVICE_STARTED, true, true);
        References.dependenciesOf(s).forEach(d -> out.putIfAbsent(d, implicit));
        return out;
    }

    /** The labels for a container of {@code s}: {@link Labels#DEPENDS_ON} always (empty text when none), {@link #OPTIONAL} when needed. */
    public static SortedMap<String, String> labels(ServiceConfig s) {
        SortedMap<String, ServiceDependency> deps = effective(s);
        SortedMap<String, String> out = new TreeMap<>();
        out.put(Labels.DEPENDS_ON, format(deps));
        List<String> optional = deps.entrySet().stream()
                .filter(e -> !e.getValue().required())
                .map(Map.Entry::getKey)
                .toList();
        if (!optional.isEmpty()) {
            out.put(OPTIONAL, String.join(",", optional));
        }
        return out;
    }

    /** {@code a:service_started:false,b:service_healthy:true}: by name, the condition defaulting to service_started. */
    public static String format(Map<String, ServiceDependency> deps) {
        List<String> entries = new ArrayList<>();
        new TreeMap<>(deps)
                .forEach((name, d) ->
                        entries.add(name + ":" + condition(d.condition()).composeName() + ":" + d.restart()));
        return String.join(",", entries);
    }

    /**
     * Reads the labels back. Like compose, an entry without a condition (older compose wrote bare
     * names) means {@code service_started}, as does a condition jcompose does not know (the planner
     * treated it so), and one without the restart flag means restart true; the flag is true for what
     * Go's ParseBool reads as true, false otherwise. Empty entries are skipped.
     */
    public static SortedMap<String, ServiceDependency> parse(String dependsOn, String optional) {
        if (dependsOn == null || dependsOn.isBlank()) {
            return Collections.emptySortedMap();
        }
        SortedSet<String> optionalNames = new TreeSet<>();
        if (optional != null) {
            for (String name : optional.split(",")) {
                optionalNames.add(name.strip());
            }
        }
        SortedMap<String, ServiceDependency> out = new TreeMap<>();
        for (String entry : dependsOn.split(",")) {
            String[] parts = entry.strip().split(":");
            if (parts[0].isEmpty()) {
                continue;
            }
            DependencyCondition condition = parts.length > 1
                    ? DependencyCondition.find(parts[1]).orElse(DependencyCondition.SERVICE_STARTED)
                    : DependencyCondition.SERVICE_STARTED;
            boolean restart = parts.length <= 2 || GO_TRUE.contains(parts[2]);
            out.put(parts[0], new ServiceDependency(condition, restart, !optionalNames.contains(parts[0])));
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /** What a container's labels say, as {@link #parse(String, String)}. */
    public static SortedMap<String, ServiceDependency> of(Map<String, String> labels) {
        return parse(labels.get(Labels.DEPENDS_ON), labels.get(OPTIONAL));
    }

    private static DependencyCondition condition(DependencyCondition c) {
        return c == null ? DependencyCondition.SERVICE_STARTED : c;
    }
}
