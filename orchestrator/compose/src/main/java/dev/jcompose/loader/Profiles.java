package dev.jcompose.loader;

import dev.jcompose.JcomposeException;
import dev.jcompose.environment.Environment;
import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.Location;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import dev.jcompose.yaml.YamlPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Service profiles (compose-spec profiles.md, compose-go's WithProfiles/WithServicesEnabled): a
 * service without {@code profiles} is always enabled, others only when one of their profiles is
 * active ({@code *} activates all). A service targeted on the command line activates its own
 * profiles. Disabled services leave the model; a {@code depends_on} on one (or on no service at
 * all) is compose's "depends on undefined service" error, unless the dependency is not required.
 */
public final class Profiles {
    /**
     * @param model            the model with disabled services removed
     * @param activeProfiles   the profiles in effect, sorted (including those activated by targets)
     * @param declaredProfiles every profile any service declares, sorted
     * @param disabledServices the removed services, by name
     */
    public record Result(
            MapNode model,
            List<String> activeProfiles,
            List<String> declaredProfiles,
            SortedMap<String, MapNode> disabledServices) {
        public Result {
            activeProfiles = List.copyOf(activeProfiles);
            declaredProfiles = List.copyOf(declaredProfiles);
            disabledServices = Collections.unmodifiableSortedMap(new TreeMap<>(disabledServices));
        }
    }

    private Profiles() {}

    /**
     * The {@code --profile} flags; without any, {@code COMPOSE_PROFILES} (comma-separated), as
     * compose-go's WithDefaultProfiles does. Blank names are dropped, duplicates kept once.
     */
    public static List<String> requested(List<String> flags, Environment env) {
        Set<String> out = new LinkedHashSet<>();
        flags.stream().filter(p -> !p.isBlank()).map(String::strip).forEach(out::add);
        if (out.isEmpty()) {
            for (String p : env.get("COMPOSE_PROFILES").orElse("").split(",")) {
                if (!p.isBlank()) {
                    out.add(p.strip());
                }
            }
        }
        return List.copyOf(out);
    }

    public static Result apply(MapNode model, List<String> requested, List<String> targeted) {
        MapNode services = model.get("services")
                .filter(MapNode.class::isInstance)
                .map(MapNode.class::cast)
                .orElse(MapNode.empty(model.location()));
        Map<String, List<String>> profiles = new TreeMap<>();
        Set<String> declared = new TreeSet<>();
        for (MapNode.Field f : services.fields()) {
            List<String> p = profilesOf(f.key(), f.value());
            profiles.put(f.key(), p);
            declared.addAll(p);
        }
        Set<String> active = new TreeSet<>(requested);
        for (String name : targeted) {
            List<String> own = profiles.get(name);
            if (own == null) {
                throw new JcomposeException(
                        "no such service: " + name, "the services are: " + String.join(", ", profiles.keySet()));
            }
            if (!enabled(own, active)) {
                active.addAll(own);
            }
        }
        List<MapNode.Field> kept = new ArrayList<>();
        SortedMap<String, MapNode> disabled = new TreeMap<>();
        for (MapNode.Field f : services.fields()) {
            if (enabled(profiles.get(f.key()), active)) {
                kept.add(f);
            } else {
                disabled.put(
                        f.key(),
                        f.value() instanceof MapNode m
                                ? m
                                : MapNode.empty(f.value().location()));
            }
        }
        MapNode enabledServices = services.withFields(kept);
        checkDependencies(enabledServices, disabled);
        MapNode result = model.has("services") ? model.with("services", enabledServices) : model;
        return new Result(result, List.copyOf(active), List.copyOf(declared), disabled);
    }

    private static boolean enabled(List<String> own, Set<String> active) {
        return own.isEmpty() || active.contains("*") || own.stream().anyMatch(active::contains);
    }

    private static List<String> profilesOf(String service, Node definition) {
        Node p = definition instanceof MapNode m ? m.get("profiles").orElse(null) : null;
        if (p == null || ComposeFileReader.isNull(p)) {
            return List.of();
        }
        YamlPath path = YamlPath.of("services", service, "profiles");
        if (!(p instanceof SeqNode seq)) {
            throw ComposeFileException.at(
                    p, path, "must be a list of profile names, not " + p.kindName(), "write profiles: [debug]");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < seq.size(); i++) {
            if (!(seq.get(i) instanceof ScalarNode s) || s.isNull()) {
                throw ComposeFileException.at(seq.get(i), path.index(i), "a profile name must be a string", null);
            }
            out.add(s.text());
        }
        return out;
    }

    private static void checkDependencies(MapNode enabled, SortedMap<String, MapNode> disabled) {
        for (MapNode.Field f : enabled.fields()) {
            Node deps = f.value() instanceof MapNode m ? m.get("depends_on").orElse(null) : null;
            if (deps instanceof SeqNode seq) {
                seq.items().forEach(d -> check(f.key(), text(d), d.location(), true, enabled, disabled));
            } else if (deps instanceof MapNode map) {
                for (MapNode.Field d : map.fields()) {
                    check(f.key(), d.key(), d.keyLocation(), required(d.value()), enabled, disabled);
                }
            }
        }
    }

    private static boolean required(Node options) {
        return !(options instanceof MapNode m
                && m.get("required").orElse(null) instanceof ScalarNode s
                && "false".equalsIgnoreCase(s.text()));
    }

    private static void check(
            String service,
            String dependency,
            Location at,
            boolean required,
            MapNode enabled,
            SortedMap<String, MapNode> disabled) {
        if (dependency == null || enabled.has(dependency) || !required && disabled.containsKey(dependency)) {
            return;
        }
        String hint = disabled.containsKey(dependency)
                ? "service \"" + dependency + "\" is disabled: enable one of its profiles "
                        + profilesText(disabled.get(dependency)) + " with --profile"
                : "define service \"" + dependency + "\" or remove it from depends_on";
        throw new ComposeFileException(
                at,
                YamlPath.of("services", service, "depends_on"),
                "service \"" + service + "\" depends on undefined service \"" + dependency
                        + "\": invalid compose project",
                hint);
    }

    private static String profilesText(MapNode service) {
        return service.get("profiles")
                .filter(SeqNode.class::isInstance)
                .map(SeqNode.class::cast)
                .map(s -> s.items().stream().map(Profiles::text).toList().toString())
                .orElse("[]");
    }

    private static String text(Node n) {
        return n instanceof ScalarNode s && !s.isNull() ? s.text() : null;
    }
}
