package dev.jcompose.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects steps in emission order; dependency ids are de-duplicated and kept in the order given. */
final class StepList {
    private final Map<String, Step<Operation>> steps = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    String add(String id, Operation op, List<String> dependsOn) {
        if (steps.containsKey(id)) {
            throw new IllegalStateException("planner bug: step " + id + " planned twice");
        }
        steps.put(id, new Step<>(id, op, dependsOn));
        return id;
    }

    boolean has(String id) {
        return steps.containsKey(id);
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    Plan<Operation> plan() {
        return new Plan<>(List.copyOf(steps.values()), warnings);
    }
}
