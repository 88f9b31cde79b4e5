package dev.jcompose.graph;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;

/**
 * Start and stop order of a project's services. Edges run from a dependency to its dependent
 * ({@code db -> web} when web depends on db), so a topological walk starts dependencies first.
 * Every order is deterministic: services that could start together are taken by name.
 *
 * <p>Build it from {@code Project.dependencies()} (explicit {@code depends_on} plus the implicit
 * {@code network_mode: service:}, {@code volumes_from} and {@code links} dependencies). Dependencies
 * on services the map does not contain are ignored: they are optional ones whose service is
 * disabled; the consistency check reports the others before a graph is built.
 */
public final class ServiceGraph {
    private final Graph<String, DefaultEdge> graph;

    private ServiceGraph(Graph<String, DefaultEdge> graph) {
        this.graph = graph;
    }

    /** {@code dependencies}: service name to the names it depends on. */
    public static ServiceGraph of(Map<String, ? extends Set<String>> dependencies) {
        Graph<String, DefaultEdge> g = GraphTypeBuilder.<String, DefaultEdge>directed()
                .allowingSelfLoops(true)
                .allowingMultipleEdges(false)
                .edgeClass(DefaultEdge.class)
                .buildGraph();
        new TreeSet<>(dependencies.keySet()).forEach(g::addVertex);
        for (String service : new TreeSet<>(dependencies.keySet())) {
            for (String dep : new TreeSet<>(dependencies.get(service))) {
                if (g.containsVertex(dep)) {
                    g.addEdge(dep, service);
                }
            }
        }
        return new ServiceGraph(g);
    }

    public SortedSet<String> services() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(graph.vertexSet()));
    }

    /** Direct dependencies of {@code service}, sorted. */
    public SortedSet<String> dependenciesOf(String service) {
        requireKnown(service);
        SortedSet<String> out = new TreeSet<>();
        graph.incomingEdgesOf(service).forEach(e -> out.add(graph.getEdgeSource(e)));
        return out;
    }

    /** Services that directly depend on {@code service}, sorted. */
    public SortedSet<String> dependentsOf(String service) {
        requireKnown(service);
        SortedSet<String> out = new TreeSet<>();
        graph.outgoingEdgesOf(service).forEach(e -> out.add(graph.getEdgeTarget(e)));
        return out;
    }

    /** Dependencies first; among services whose dependencies are all placed, by name. */
    public List<String> startOrder() {
        requireAcyclic();
        Map<String, Integer> waiting = new HashMap<>();
        TreeSet<String> ready = new TreeSet<>();
        for (String v : graph.vertexSet()) {
            waiting.put(v, graph.inDegreeOf(v));
            if (graph.inDegreeOf(v) == 0) {
                ready.add(v);
            }
        }
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String next = ready.pollFirst();
            order.add(next);
            for (DefaultEdge e : graph.outgoingEdgesOf(next)) {
                String dependent = graph.getEdgeTarget(e);
                if (waiting.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        return Collections.unmodifiableList(order);
    }

    /** The start order reversed: dependents stop before what they depend on. */
    public List<String> stopOrder() {
        return startOrder().reversed();
    }

    /**
     * Start levels for parallel start: level 0 has no dependencies, level n depends on something
     * at level n-1 and nothing higher. Each level is sorted.
     */
    public List<SortedSet<String>> levels() {
        List<String> order = startOrder();
        Map<String, Integer> level = new HashMap<>();
        List<SortedSet<String>> out = new ArrayList<>();
        for (String s : order) {
            int l = 0;
            for (DefaultEdge e : graph.incomingEdgesOf(s)) {
                l = Math.max(l, level.get(graph.getEdgeSource(e)) + 1);
            }
            level.put(s, l);
            while (out.size() <= l) {
                out.add(new TreeSet<>());
            }
            out.get(l).add(s);
        }
        return out.stream().map(Collections::unmodifiableSortedSet).toList();
    }

    /** Stop levels: level 0 is what nothing depends on; each level stops after the one before. */
    public List<SortedSet<String>> stopLevels() {
        return reversed().levels();
    }

    private ServiceGraph reversed() {
        Map<String, Set<String>> deps = new TreeMap<>();
        for (String v : graph.vertexSet()) {
            deps.put(v, dependentsOf(v));
        }
        return of(deps);
    }

    /**
     * The graph restricted to {@code targets} and, with {@code withDependencies}, everything they
     * transitively depend on ({@code up web}); without it, only the targets ({@code up --no-deps web}).
     */
    public ServiceGraph subgraph(Set<String> targets, boolean withDependencies) {
        Set<String> keep = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(new TreeSet<>(targets));
        while (!todo.isEmpty()) {
            String s = todo.pop();
            requireKnown(s);
            if (keep.add(s) && withDependencies) {
                todo.addAll(dependenciesOf(s));
            }
        }
        return induced(keep);
    }

    /** The graph restricted to {@code targets} and everything that transitively depends on them. */
    public ServiceGraph withDependents(Set<String> targets) {
        Set<String> keep = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(new TreeSet<>(targets));
        while (!todo.isEmpty()) {
            String s = todo.pop();
            requireKnown(s);
            if (keep.add(s)) {
                todo.addAll(dependentsOf(s));
            }
        }
        return induced(keep);
    }

    private ServiceGraph induced(Set<String> keep) {
        Map<String, Set<String>> deps = new LinkedHashMap<>();
        for (String s : keep) {
            Set<String> d = new TreeSet<>(dependenciesOf(s));
            d.retainAll(keep);
            deps.put(s, d);
        }
        return of(deps);
    }

    /**
     * A dependency cycle, if any: of the cycles through the alphabetically smallest service that is
     * on one, the shortest, with ties broken by name at each step.
     */
    public Optional<DependencyCycle> findCycle() {
        SortedSet<String> onCycle = new TreeSet<>();
        for (Set<String> scc : new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets()) {
            if (scc.size() > 1) {
                onCycle.addAll(scc);
            }
        }
        graph.vertexSet().stream().filter(v -> graph.containsEdge(v, v)).forEach(onCycle::add);
        if (onCycle.isEmpty()) {
            return Optional.empty();
        }
        String start = onCycle.first();
        return Optional.of(new DependencyCycle(shortestCycleFrom(start)));
    }

    /** Breadth-first along depends_on edges (dependent to dependency), neighbours by name. */
    private List<String> shortestCycleFrom(String start) {
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String s = queue.poll();
            for (String dep : dependenciesOf(s)) {
                if (dep.equals(start)) {
                    List<String> path = new ArrayList<>();
                    for (String at = s; at != null; at = parent.get(at)) {
                        path.addFirst(at);
                    }
                    path.add(start);
                    return path;
                }
                if (!parent.containsKey(dep) && !dep.equals(start)) {
                    parent.put(dep, s);
                    queue.add(dep);
                }
            }
        }
        throw new IllegalStateException("no cycle through " + start);
    }

    private void requireAcyclic() {
        findCycle().ifPresent(c -> {
            throw new JcomposeException(
                    "dependency cycle detected: " + c,
                    "remove one of the depends_on, links, volumes_from or network_mode references on the cycle",
                    ExitCode.COMPOSE_PARSE);
        });
    }

    private void requireKnown(String service) {
        if (!graph.containsVertex(service)) {
            throw new JcomposeException(
                    "no such service: " + service,
                    "known services: " + String.join(", ", services()),
                    ExitCode.FAILURE);
        }
    }

    /** Services to dependencies, for debugging and tests. */
    public SortedMap<String, SortedSet<String>> asMap() {
        SortedMap<String, SortedSet<String>> out = new TreeMap<>();
        graph.vertexSet().forEach(v -> out.put(v, dependenciesOf(v)));
        return out;
    }
}
