package dev.jcompose.loader;

import dev.jcompose.environment.EnvFileRef;
import dev.jcompose.schema.EnvFileReader;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The services a command names and those they depend on ({@code depends_on}), for loading their
 * env files only. Docker compose (2.34 and later) loads {@code env_file} for the selected services
 * alone, so one service's missing file does not break a command about another. jcompose keeps every
 * service in the model (the engine compares all of them), so the files of the others are still read
 * when present: only their absence stops being an error.
 */
final class ServiceSelection {
    private final Set<String> selected;

    private ServiceSelection(Set<String> selected) {
        this.selected = selected;
    }

    /** All services when {@code targets} is empty. */
    static ServiceSelection of(MapNode model, List<String> targets) {
        if (targets.isEmpty()) {
            return new ServiceSelection(null);
        }
        MapNode services = model.get("services")
                .filter(MapNode.class::isInstance)
                .map(MapNode.class::cast)
                .orElse(MapNode.empty(model.location()));
        Set<String> out = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(targets);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (out.add(name)) {
                dependencies(services.get(name)).forEach(todo::push);
            }
        }
        return new ServiceSelection(out);
    }

    private static List<String> dependencies(Optional<Node> service) {
        Optional<Node> deps = service.filter(MapNode.class::isInstance).flatMap(s -> ((MapNode) s).get("depends_on"));
        if (deps.isPresent() && deps.get() instanceof MapNode map) {
            return map.keys();
        }
        if (deps.isPresent() && deps.get() instanceof SeqNode seq) {
            return seq.items().stream()
                    .filter(ScalarNode.class::isInstance)
                    .map(n -> ((ScalarNode) n).text())
                    .filter(t -> t != null)
                    .toList();
        }
        return List.of();
    }

    /** {@code reader}, with the env files of unselected services optional. */
    EnvFileReader scope(EnvFileReader reader) {
        if (selected == null) {
            return reader;
        }
        return refs -> reader.read(refs.stream()
                .map(r -> selected.contains(serviceOf(r)) || !r.required()
                        ? r
                        : new EnvFileRef(r.path(), false, r.location(), r.yamlPath(), r.raw()))
                .toList());
    }

    /** The service an env_file entry belongs to: its path is services.NAME.env_file[i]. */
    private static String serviceOf(EnvFileRef ref) {
        return ref.yamlPath().depth() > 1 && "services".equals(ref.yamlPath().segment(0))
                ? String.valueOf(ref.yamlPath().segment(1))
                : "";
    }
}
