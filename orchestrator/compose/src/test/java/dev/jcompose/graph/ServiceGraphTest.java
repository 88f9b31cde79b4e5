package dev.jcompose.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.JcomposeException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ServiceGraphTest {
    /** web -> api -> (db, cache); worker -> (db, queue); proxy -> web; lone alone. */
    static ServiceGraph shop() {
        Map<String, Set<String>> deps = new TreeMap<>();
        deps.put("web", Set.of("api"));
        deps.put("api", Set.of("db", "cache"));
        deps.put("worker", Set.of("db", "queue"));
        deps.put("proxy", Set.of("web"));
        deps.put("db", Set.of());
        deps.put("cache", Set.of());
        deps.put("queue", Set.of());
        deps.put("lone", Set.of());
        return ServiceGraph.of(deps);
    }

    @Test
    void startOrderPutsDependenciesFirstAndTiesByName() {
        assertThat(shop().startOrder())
                .containsExactly("cache", "db", "api", "lone", "queue", "web", "proxy", "worker");
    }

    @Test
    void stopOrderIsTheReverse() {
        assertThat(shop().stopOrder()).containsExactly("worker", "proxy", "web", "queue", "lone", "api", "db", "cache");
    }

    @Test
    void levelsGroupServicesThatCanStartTogether() {
        List<SortedSet<String>> levels = shop().levels();
        assertThat(levels).hasSize(4);
        assertThat(levels.get(0)).containsExactly("cache", "db", "lone", "queue");
        assertThat(levels.get(1)).containsExactly("api", "worker");
        assertThat(levels.get(2)).containsExactly("web");
        assertThat(levels.get(3)).containsExactly("proxy");
    }

    @Test
    void stopLevelsStartWithWhatNothingDependsOn() {
        List<SortedSet<String>> levels = shop().stopLevels();
        assertThat(levels.get(0)).containsExactly("lone", "proxy", "worker");
        assertThat(levels.get(1)).containsExactly("queue", "web");
        assertThat(levels.get(2)).containsExactly("api");
        assertThat(levels.get(3)).containsExactly("cache", "db");
    }

    @Test
    void directNeighbours() {
        assertThat(shop().dependenciesOf("api")).containsExactly("cache", "db");
        assertThat(shop().dependentsOf("db")).containsExactly("api", "worker");
        assertThat(shop().dependentsOf("proxy")).isEmpty();
    }

    @Test
    void subgraphWithDependenciesForUpService() {
        ServiceGraph sub = shop().subgraph(Set.of("web"), true);
        assertThat(sub.services()).containsExactly("api", "cache", "db", "web");
        assertThat(sub.startOrder()).containsExactly("cache", "db", "api", "web");
    }

    @Test
    void subgraphWithoutDependenciesForNoDeps() {
        ServiceGraph sub = shop().subgraph(Set.of("web", "api"), false);
        assertThat(sub.services()).containsExactly("api", "web");
        assertThat(sub.startOrder()).containsExactly("api", "web");
        assertThat(sub.dependenciesOf("api")).isEmpty();
        assertThat(shop().subgraph(Set.of("lone"), true).services()).containsExactly("lone");
    }

    @Test
    void withDependentsForStopOfADependency() {
        assertThat(shop().withDependents(Set.of("db")).services())
                .containsExactly("api", "db", "proxy", "web", "worker");
        assertThat(shop().withDependents(Set.of("db")).stopOrder().getFirst()).isEqualTo("worker");
    }

    @Test
    void unknownServiceIsReported() {
        assertThatThrownBy(() -> shop().subgraph(Set.of("nope"), true))
                .isInstanceOf(JcomposeException.class)
                .hasMessage("no such service: nope");
    }

    @Test
    void dependenciesOnAbsentServicesAreIgnored() {
        ServiceGraph g = ServiceGraph.of(Map.of("a", Set.of("disabled")));
        assertThat(g.startOrder()).containsExactly("a");
        assertThat(g.findCycle()).isEmpty();
    }

    @Test
    void acyclicGraphHasNoCycle() {
        assertThat(shop().findCycle()).isEmpty();
    }

    @Test
    void cycleStartsAtSmallestName() {
        ServiceGraph g =
                ServiceGraph.of(Map.of("c", Set.of("a"), "a", Set.of("b"), "b", Set.of("c"), "z", Set.of("c")));
        DependencyCycle cycle = g.findCycle().orElseThrow();
        assertThat(cycle.toString()).isEqualTo("a -> b -> c -> a");
        assertThat(cycle.start()).isEqualTo("a");
        assertThat(cycle.next()).isEqualTo("b");
    }

    @Test
    void cycleFoundFromAnyStartingPoint() {
        ServiceGraph g = ServiceGraph.of(
                Map.of("web", Set.of("db"), "db", Set.of("cache"), "cache", Set.of("web"), "api", Set.of("web")));
        assertThat(g.findCycle().orElseThrow().toString()).isEqualTo("cache -> web -> db -> cache");
    }

    @Test
    void selfDependencyIsACycle() {
        ServiceGraph g = ServiceGraph.of(Map.of("a", Set.of("a"), "b", Set.of()));
        assertThat(g.findCycle().orElseThrow().path()).containsExactly("a", "a");
    }

    @Test
    void shortestCycleThroughTheSmallestService() {
        ServiceGraph g = ServiceGraph.of(
                Map.of("a", Set.of("b", "c"), "b", Set.of("d"), "d", Set.of("a"), "c", Set.of("a"), "e", Set.of("e")));
        assertThat(g.findCycle().orElseThrow().toString()).isEqualTo("a -> c -> a");
    }

    @Test
    void ordersRefuseCycles() {
        ServiceGraph g = ServiceGraph.of(Map.of("a", Set.of("b"), "b", Set.of("a")));
        assertThatThrownBy(g::startOrder)
                .isInstanceOf(JcomposeException.class)
                .hasMessage("dependency cycle detected: a -> b -> a");
        assertThatThrownBy(g::levels).isInstanceOf(JcomposeException.class);
    }

    @Test
    void cycleRecordValidatesItsShape() {
        assertThatThrownBy(() -> new DependencyCycle(List.of("a", "b"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyGraph() {
        ServiceGraph g = ServiceGraph.of(Map.of());
        assertThat(g.startOrder()).isEmpty();
        assertThat(g.levels()).isEmpty();
        assertThat(g.asMap()).isEmpty();
    }
}
