package dev.jcompose.execute;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * An immutable, validated DAG of operations: what the planner decided, before anything runs.
 *
 * <p>Construction rejects duplicate ids, dependencies on unknown nodes and cycles, so an executor
 * never meets a plan it cannot finish. Everything is ordered by id, which makes rendering (golden
 * tests) and execution order deterministic.
 */
public final class Plan<O> {
    private final SortedMap<String, PlanNode<O>> nodes;
    private final SortedMap<String, SortedSet<String>> dependents;
    private final List<String> order;

    private Plan(SortedMap<String, PlanNode<O>> nodes) {
        this.nodes = Collections.unmodifiableSortedMap(nodes);
        this.dependents = dependentsOf(nodes);
        for (PlanNode<O> node : nodes.values()) {
            for (String dependency : node.dependencies()) {
                if (!nodes.containsKey(dependency)) {
                    throw new PlanException(
                            "plan node \"" + node.id() + "\" depends on unknown node \"" + dependency + "\"",
                            "the planner must add \"" + dependency + "\" to the plan or drop the dependency");
                }
            }
        }
        this.order = topologicalOrder();
    }

    public static <O> Builder<O> builder() {
        return new Builder<>();
    }

    public static <O> Plan<O> of(List<PlanNode<O>> nodes) {
        Builder<O> builder = builder();
        nodes.forEach(builder::add);
        return builder.build();
    }

    /** All nodes, by id. */
    public SortedMap<String, PlanNode<O>> nodes() {
        return nodes;
    }

    public PlanNode<O> node(String id) {
        PlanNode<O> node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("no plan node \"" + id + "\"");
        }
        return node;
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    public int size() {
        return nodes.size();
    }

    /** The nodes that directly depend on {@code id}, by id. */
    public SortedSet<String> dependents(String id) {
        return dependents.getOrDefault(id, Collections.emptySortedSet());
    }

    /** Everything reachable from {@code id} through dependents (not {@code id} itself), by id. */
    public SortedSet<String> transitiveDependents(String id) {
        SortedSet<String> seen = new TreeSet<>();
        List<String> todo = new ArrayList<>(dependents(id));
        while (!todo.isEmpty()) {
            String next = todo.removeLast();
            if (seen.add(next)) {
                todo.addAll(dependents(next));
            }
        }
        return Collections.unmodifiableSortedSet(seen);
    }

    /** Kahn's order, picking the smallest ready id first: one stable order for a given plan. */
    public List<String> order() {
        return order;
    }

    /** One line per node in {@link #order()}: {@code id: <op>} and {@code  <- dep, dep} if any. */
    public String render() {
        return render(String::valueOf);
    }

    public String render(Function<? super O, String> operationText) {
        StringBuilder text = new StringBuilder();
        for (String id : order) {
            PlanNode<O> node = nodes.get(id);
            text.append(id).append(": ").append(operationText.apply(node.operation()));
            if (!node.dependencies().isEmpty()) {
                text.append(" <- ").append(String.join(", ", node.dependencies()));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static <O> SortedMap<String, SortedSet<String>> dependentsOf(SortedMap<String, PlanNode<O>> nodes) {
        SortedMap<String, SortedSet<String>> result = new TreeMap<>();
        for (PlanNode<O> node : nodes.values()) {
            for (String dependency : node.dependencies()) {
                result.computeIfAbsent(dependency, k -> new TreeSet<>()).add(node.id());
            }
        }
        result.replaceAll((k, v) -> Collections.unmodifiableSortedSet(v));
        return Collections.unmodifiableSortedMap(result);
    }

    private List<String> topologicalOrder() {
        Map<String, Integer> waiting = new LinkedHashMap<>();
        PriorityQueue<String> ready = new PriorityQueue<>();
        for (PlanNode<O> node : nodes.values()) {
            waiting.put(node.id(), node.dependencies().size());
            if (node.dependencies().isEmpty()) {
                ready.add(node.id());
            }
        }
        List<String> result = new ArrayList<>(nodes.size());
        while (!ready.isEmpty()) {
            String id = ready.poll();
            result.add(id);
            for (String dependent : dependents(id)) {
                if (waiting.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (result.size() != nodes.size()) {
            throw new PlanException(
                    "plan has a dependency cycle: " + describeCycle(new TreeSet<>(result)),
                    "the planner must break the cycle; check depends_on / links for a loop");
        }
        return List.copyOf(result);
    }

    /** Walks dependencies from the smallest unordered id until a node repeats: that loop is the cycle. */
    private String describeCycle(Set<String> ordered) {
        String start = nodes.keySet().stream()
                .filter(id -> !ordered.contains(id))
                .findFirst()
                .orElseThrow();
        List<String> path = new ArrayList<>();
        String current = start;
        while (!path.contains(current)) {
            path.add(current);
            current = nodes.get(current).dependencies().stream()
                    .filter(id -> !ordered.contains(id))
                    .findFirst()
                    .orElseThrow();
        }
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
        cycle.add(current);
        return String.join(" -> ", cycle);
    }

    /** Collects nodes; {@link #build()} validates. */
    public static final class Builder<O> {
        private final SortedMap<String, PlanNode<O>> nodes = new TreeMap<>();

        private Builder() {}

        public Builder<O> add(PlanNode<O> node) {
            if (nodes.putIfAbsent(node.id(), node) != null) {
                throw new PlanException(
                        "plan node \"" + node.id() + "\" is defined twice",
                        "the planner must give every operation a unique id");
            }
            return this;
        }

        public Builder<O> add(String id, O operation, String... dependencies) {
            return add(new PlanNode<>(id, operation, new TreeSet<>(List.of(dependencies))));
        }

        public Plan<O> build() {
            return new Plan<>(new TreeMap<>(nodes));
        }
    }
}
