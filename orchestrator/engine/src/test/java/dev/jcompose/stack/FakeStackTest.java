package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.api.ContainerSummary;
import dev.jcompose.api.DownOptions;
import dev.jcompose.api.UpOptions;
import dev.jcompose.model.Project;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stack's logic on the in-memory runtime and network, without root. */
class FakeStackTest {
    private static final DownOptions DOWN_V = new DownOptions(true, true, Duration.ofSeconds(1));

    @Test
    void upCreatesAndStartsInDependencyOrder() throws Exception {
        try (FakeStackFixture fx = new FakeStackFixture()) {
            Project project = fx.write("order", """
                    services:
                      web:
                        image: busybox:1.36
                        depends_on: [db]
                      db:
                        image: busybox:1.36
                    """);
            fx.compose.up(project, UpOptions.defaults(), fx.listener());
            assertThat(fx.compose.ps("order", false))
                    .extracting(ContainerSummary::name, ContainerSummary::status)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("order-db-1", "running"),
                            org.assertj.core.groups.Tuple.tuple("order-web-1", "running"));
            assertThat(fx.runtime.operations())
                    .filteredOn(o -> o.startsWith("start "))
                    .containsExactly("start order-db-1", "start order-web-1");
            fx.compose.down("order", Optional.of(project), DOWN_V, fx.listener());
        }
    }
}
