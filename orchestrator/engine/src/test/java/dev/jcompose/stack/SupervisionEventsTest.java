package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.container.ContainerRecord;
import dev.jcompose.engine.EngineContext;
import dev.jcompose.host.Clock;
import dev.jcompose.state.ContainerState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine serves two projects at once: the progress listener of a command on project {@code a}
 * (as {@code Stack.execute} registers it) must not receive what happens to project {@code b}'s
 * containers, while {@code events} subscribers of every project do. No runtime is needed: the
 * containers are adopted as running and their exits reported as a stop would.
 */
class SupervisionEventsTest {
    final EngineContext engine = EngineContext.create(1);
    final Supervision supervision = onLoop(() -> new Supervision(engine, null, Clock.system()));

    @AfterEach
    void close() {
        onLoop(() -> {
            supervision.close();
            return null;
        });
        engine.close();
    }

    @Test
    void aCommandsListenerHearsOnlyItsOwnProjectsContainers() {
        List<String> upOfA = new CopyOnWriteArrayList<>();
        List<String> upOfB = new CopyOnWriteArrayList<>();
        List<String> everyProject = new CopyOnWriteArrayList<>();
        onLoop(() -> {
            supervision.addListener(Optional.of("a"), e -> upOfA.add(e.render()));
            supervision.addListener(Optional.of("b"), e -> upOfB.add(e.render()));
            supervision.addListener(Optional.empty(), e -> everyProject.add(e.project() + " " + e.render()));
            supervision.adopt(running("ida", "a-web-1"), extras("a"));
            supervision.adopt(running("idb", "b-web-1"), extras("b"));
            supervision.stopping("idb");
            supervision.exited("idb", 3, null, Instant.EPOCH);
            supervision.stopping("ida");
            supervision.exited("ida", 0, null, Instant.EPOCH);
            return null;
        });
        assertThat(upOfA).containsExactly("Container a-web-1 Exited (0)");
        assertThat(upOfB).containsExactly("Container b-web-1 Exited (3)");
        assertThat(everyProject).containsExactly("b Container b-web-1 Exited (3)", "a Container a-web-1 Exited (0)");
    }

    private static ContainerRecord running(String id, String name) {
        return new ContainerRecord(
                id,
                name,
                Map.of(),
                "hash",
                null,
                null,
                null,
                null,
                "runc",
                "/usr/bin/runc",
                Instant.EPOCH,
                ContainerState.RUNNING,
                Instant.EPOCH,
                null,
                null);
    }

    private static ContainerExtras extras(String project) {
        return new ContainerExtras(
                project, "web", null, null, null, 0, null, null, "no", List.of(), "busybox:1.36", List.of());
    }

    private <T> T onLoop(Supplier<T> task) {
        return engine.await(engine.call(task), Duration.ofSeconds(10));
    }
}
