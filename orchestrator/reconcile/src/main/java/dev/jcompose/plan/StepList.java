package dev.jcompose.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects steps in emission order; dependency ids are de-duplicated and kept in the order given. */
final class StepList {
    private final Map<String, Step> steps = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    String add(String id, Operation op, List<String> dependsOn) {
        if (steps.containsKey(id)) {
            throw new IllegalStateException("planner bug: step " + id + " planned twice");
        }
        Set<String> deps = new LinkedHashSet<>(dependsOn);
        steps.put(id, new Step(id, op, List.copyOf(deps)));
        return id;
    }

    boolean has(String id) {
        return steps.containsKey(id);
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    ReconcilePlan plan() {
        return new ReconcilePlan(List.copyOf(steps.values()), warnings);
    }
}
