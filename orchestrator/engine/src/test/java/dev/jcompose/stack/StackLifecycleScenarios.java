package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.api.ComposeService;
import dev.jcompose.api.ContainerSummary;
import dev.jcompose.api.DownOptions;
import dev.jcompose.api.StackListener;
import dev.jcompose.api.UpOptions;
import dev.jcompose.container.ExecOutput;
import dev.jcompose.container.ScriptedProcess;
import dev.jcompose.engine.EngineContext;
import dev.jcompose.model.Project;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Exit codes of one-shot dependencies, {@code up --wait} and a second engine on the same host, on the
 * real host ({@link StackLifecycleRootTest}) and on the fake one ({@link StackLifecycleFakeTest}).
 */
abstract class StackLifecycleScenarios {
    static final DownOptions FAST_DOWN = new DownOptions(true, true, Duration.ofSeconds(1));

    /** A new host for one test (skips the test when the host cannot run it). */
    abstract StackHost open() throws Exception;

    @Test
    void aFailedOneShotStopsUpWithComposeMessageAndWaitReportsUnhealthy() throws Exception {
        try (StackHost fx = open()) {
            Project project = fx.write("fail", """
                    services:
                      migrate:
                        image: busybox:1.36
                        command: ["sh", "-c", "exit 3"]
                      app:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        depends_on:
                          migrate:
                            condition: service_completed_successfully
                    """);
            String p = fx.project("fail");
            fx.behaves(p + "-migrate-1", ScriptedProcess.exiting(3));
            assertThatThrownBy(() -> fx.compose().up(project, UpOptions.defaults(), fx.listener()))
                    .hasMessage("service \"migrate\" didn't complete successfully: exit 3");
            assertThat(fx.compose().ps(p, true))
                    .extracting(ContainerSummary::name, ContainerSummary::status)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(p + "-app-1", "created"),
                            org.assertj.core.groups.Tuple.tuple(p + "-migrate-1", "exited (3)"));
            fx.compose().down(p, Optional.of(project), FAST_DOWN, fx.listener());

            Project sick = fx.write("sick", """
                    services:
                      db:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        healthcheck:
                          test: ["CMD", "false"]
                          interval: 200ms
                          retries: 2
                    """);
            String s = fx.project("sick");
            fx.behaves(s + "-db-1", ScriptedProcess.running().execs(List.of("false"), new ExecOutput(1, "", "")));
            assertThatThrownBy(() -> fx.compose()
                            .up(sick, UpOptions.defaults().withWait(true, Duration.ofSeconds(60)), fx.listener()))
                    .hasMessage("dependency failed to start: container " + s + "-db-1 is unhealthy");
            fx.compose().down(s, Optional.empty(), FAST_DOWN, fx.listener());
            assertThat(fx.compose().ps(s, true)).isEmpty();
        }
    }

    @Test
    void aSecondEngineOnTheSameHostSeesAndRemovesWhatTheFirstMade() throws Exception {
        try (StackHost fx = open()) {
            Project project = fx.write("two", """
                    services:
                      web:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        healthcheck: {test: ["CMD", "true"], interval: 1s}
                    """);
            String p = fx.project("two");
            fx.compose().up(project, UpOptions.defaults().withWait(true, Duration.ofSeconds(60)), fx.listener());
            assertThat(fx.compose().ps(p, false))
                    .extracting(ContainerSummary::status)
                    .containsExactly("running (healthy)");
            try (EngineContext secondEngine = EngineContext.create();
                    Stack second = fx.openAnother(secondEngine)) {
                ComposeService other = second.service();
                assertThat(other.ps(p, false))
                        .extracting(ContainerSummary::name)
                        .containsExactly(p + "-web-1");
                other.down(p, Optional.empty(), FAST_DOWN, StackListener.none());
                assertThat(other.ps(p, true)).isEmpty();
            }
            assertThat(fx.compose().ps(p, true)).isEmpty();
            assertThat(fx.stack().network.networks().state().networks()).isEmpty();
        }
    }
}
