package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.jcompose.api.ContainerSummary;
import dev.jcompose.api.DownOptions;
import dev.jcompose.api.ExecOptions;
import dev.jcompose.api.ExecOutcome;
import dev.jcompose.api.LogOptions;
import dev.jcompose.api.StackEvent;
import dev.jcompose.api.UpOptions;
import dev.jcompose.container.ExecOutput;
import dev.jcompose.container.ScriptedProcess;
import dev.jcompose.engine.EngineContext;
import dev.jcompose.model.Project;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The stack's logic on the in-memory runtime and network, without root: what the engine does with
 * containers (order, convergence, recreation, health, restarts, the per-container commands, down,
 * adoption by another engine). Processes are scripted; the engine's events say when it acted.
 */
class FakeStackTest {
    private static final DownOptions DOWN_V = new DownOptions(true, true, Duration.ofSeconds(1));
    private static final Duration SOON = Duration.ofSeconds(20);

    private static final String TWO_SERVICES = """
            services:
              web:
                image: busybox:1.36
                environment: {MODE: "%s"}
                depends_on: [db]
              db:
                image: busybox:1.36
            """;

    private static List<String> starts(FakeStackFixture fx) {
        return fx.runtime.operations().stream()
                .filter(o -> o.startsWith("create ") || o.startsWith("start ") || o.startsWith("delete "))
                .toList();
    }

    @Test
    void upStartsInDependencyOrderASecondUpDoesNothingAndAnEnvChangeRecreatesOnlyThatService() throws Exception {
        try (FakeStackFixture fx = new FakeStackFixture()) {
            Project project = fx.write("order", TWO_SERVICES.formatted("a"));
            fx.compose.up(project, UpOptions.defaults(), fx.listener());
            assertThat(fx.compose.ps("order", false))
                    .extracting(ContainerSummary::name, ContainerSummary::status)
                    .containsExactly(tuple("order-db-1", "running"), tuple("order-web-1", "running"));
            assertThat(starts(fx).stream().filter(o -> o.startsWith("start ")))
                    .containsExactly("start order-db-1", "start order-web-1");
            String db = fx.id("order-db-1");
            String web = fx.id("order-web-1");

            List<String> before = fx.runtime.operations();
            fx.compose.up(project, UpOptions.defaults(), fx.listener());
            assertThat(fx.runtime.operations())
                    .as("a second up changes nothing")
                    .isEqualTo(before);

            fx.compose.up(fx.write("order", TWO_SERVICES.formatted("b")), UpOptions.defaults(), fx.listener());
            assertThat(fx.runtime
                            .operations()
                            .subList(before.size(), fx.runtime.operations().size()))
                    .filteredOn(o -> !o.startsWith("exited "))
                    .as("the replacement is created before the old one goes")
                    .containsExactly(
                            "create order-web-1", "stop order-web-1", "delete order-web-1", "start order-web-1");
            assertThat(fx.id("order-db-1")).isEqualTo(db);
            assertThat(fx.id("order-web-1")).isNotEqualTo(web);
            assertThat(fx.rendered()).contains("Container order-web-1 Recreated");
            fx.compose.down("order", Optional.of(project), DOWN_V, fx.listener());
        }
    }

    @Test
    void serviceHealthyWaitsForTheFirstHealthyProbe() throws Exception {
        try (FakeStackFixture fx = new FakeStackFixture()) {
            Project project = fx.write("healthy", """
                    services:
                      db:
                        image: busybox:1.36
                        healthcheck: {test: ["CMD", "ready"], interval: 100ms, retries: 2}
                      web:
                        image: busybox:1.36
                        depends_on:
                          db: {condition: service_healthy}
                    """);
            fx.behaves("healthy-db-1", ScriptedProcess.running().execs(List.of("ready"), new ExecOutput(0, "", "")));
            fx.compose.up(project, UpOptions.defaults(), fx.listener());
            List<String> events = fx.rendered();
            assertThat(events.indexOf("Container healthy-db-1 Healthy"))
                    .as(String.join("\n", events))
                    .isNotNegative()
                    .isLessThan(events.indexOf("Container healthy-web-1 Starting"));
            assertThat(fx.runtime.operations()).contains("exec healthy-db-1 ready");
            assertThat(fx.compose.ps("healthy", false))
                    .extracting(ContainerSummary::status)
                    .containsExactly("running (healthy)", "running");
            fx.compose.down("healthy", Optional.of(project), DOWN_V, fx.listener());
        }
    }

    @Test
    void aHealthyContainerWhoseProbeStartsFailingTurnsUnhealthyAndFailsTheNextWait() throws Exception {
        try (FakeStackFixture fx = new FakeStackFixture()) {
            Project project = fx.write("turns", """
                    services:
                      db:
                        image: busybox:1.36
                        healthcheck: {test: ["CMD", "ready"], interval: 100ms, retries: 2}
                    """);
            fx.compose.up(project, UpOptions.defaults().withWait(true, SOON), fx.listener());
            assertThat(status(fx, "turns", "db")).isEqualTo("running (healthy)");

            String db = fx.id("turns-db-1");
            fx.runtime.rescript(db, ScriptedProcess.running().execs(List.of("ready"), new ExecOutput(1, "", "down")));
            StackHost.await("db unhealthy", SOON, () -> count(fx, "Container turns-db-1 Unhealthy") == 1);
            assertThat(status(fx, "turns", "db")).isEqualTo("running (unhealthy)");
            assertThatThrownBy(() -> fx.compose.up(project, UpOptions.defaults().withWait(true, SOON), fx.listener()))
                    .hasMessage("dependency failed to start: container turns-db-1 is unhealthy");

            fx.runtime.rescript(db, ScriptedProcess.running());
            StackHost.await("db healthy again", SOON, () -> count(fx, "Container turns-db-1 Healthy") == 2);
            fx.compose.up(project, UpOptions.defaults().withWait(true, SOON), fx.listener());
            fx.compose.down("turns", Optional.of(project), DOWN_V, fx.listener());
        }
    }

    @Test
    void completedSuccessfullyGatesTheDependentAndLogsExecAndPsShowIt() throws Exception {
        try (FakeStackFixture fx = new FakeStackFixture()) {
            Project project = fx.write("oneshot", """
                    services:
                      init:
                        image: busybox:1.36
                        volumes: [shared:/shared]
                      app:
                        image: busybox:1.36
                        volumes: [shared:/shared]
                        depends_on:
                          init: {condition: service_completed_successfully}
                    volumes:
                      shared: {}
                    """);
            fx.behaves("oneshot-init-1", ScriptedProcess.exiting(0).printing("init done"));
            fx.behaves(
                    "oneshot-app-1",
                    ScriptedProcess.running()
                            .printing("seeded")
                            .execs(List.of("sh", "-c", "echo out; exit 3"), new ExecOutput(3, "out\n", "err\n")));
            fx.compose.up(project, UpOptions.defaults(), fx.listener());
            List<String> events = fx.rendered();
            assertThat(events.indexOf("Container oneshot-init-1 Exited (0)"))
                    .as(String.join("\n", events))
                    .isNotNegative()
                    .isLessThan(events.indexOf("Container oneshot-app-1 Starting"));
            assertThat(fx.compose.ps("oneshot", true))
                    .extracting(ContainerSummary::name, ContainerSummary::status)
                    .containsExactly(tuple("oneshot-app-1", "running"), tuple("oneshot-init-1", "exited (0)"));
            assertThat(logs(fx, "oneshot", "app")).containsExactly("seeded");
            assertThat(logs(fx, "oneshot", "init")).containsExactly("init done");
            assertThat(fx.compose.exec("oneshot", ExecOptions.of("app", "sh", "-c", "echo out; exit 3")))
                    .isEqualTo(new ExecOutcome(3, "out\n", "err\n"));
            assertThatThrownBy(() -> fx.compose.exec("oneshot", ExecOptions.of("init", "true")))
                    .hasMessage("service \"init\" is not running container #1");

            Path volume = fx.paths.dataRoot().resolve("volumes").resolve("oneshot_shared");
            fx.compose.down(
                    "oneshot",
                    Optional.of(project),
                    new DownOptions(false, true, Duration.ofSeconds(1)),
                    fx.listener());
            assertThat(fx.compose.ps("oneshot", true)).isEmpty();
            assertThat(volume).as("down keeps named volumes").exists();
            fx.compose.down("oneshot", Optional.of(project), DOWN_V, fx.listener());
            assertThat(volume).as("down -v removes them").doesNotExist();
        }
    }

    @Test
    void restartPoliciesOnFailureUpToItsLimitAlwaysAndNo() throws Exception {
        try (FakeStackFixture fx = new FakeStackFixture()) {
            Project project = fx.write("policy", """
                    services:
                      crash:
                        image: busybox:1.36
                        restart: on-failure:2
                      always:
                        image: busybox:1.36
                        restart: always
                      never:
                        image: busybox:1.36
                        restart: "no"
                    """);
            fx.behaves("policy-crash-1", ScriptedProcess.exiting(1));
            fx.compose.up(project, UpOptions.defaults(), fx.listener());
            StackHost.await("three exits of crash", SOON, () -> count(fx, "Container policy-crash-1 Exited (1)") == 3);
            assertThat(fx.rendered())
                    .filteredOn(e -> e.startsWith("Container policy-crash-1 Restarted"))
                    .hasSize(2);
            assertThat(status(fx, "policy", "crash")).isEqualTo("exited (1)");

            fx.runtime.exit(fx.id("policy-never-1"), 0);
            fx.runtime.exit(fx.id("policy-always-1"), 0);
            StackHost.await("always restarted", SOON, () -> count(fx, "Container policy-always-1 Restarted") == 1);
            StackHost.await("never's exit", SOON, () -> count(fx, "Container policy-never-1 Exited (0)") == 1);
            assertThat(status(fx, "policy", "always")).isEqualTo("running");
            assertThat(status(fx, "policy", "never")).isEqualTo("exited (0)");
            assertThat(fx.stack.supervision.restartPending(fx.id("policy-never-1")))
                    .isFalse();
            assertThat(count(fx, "Container policy-never-1 Restarted")).isZero();
            assertThat(count(fx, "Container policy-crash-1 Exited (1)")).isEqualTo(3);

            // the user stops it: always does not bring it back
            fx.compose.stop("policy", List.of("always"), Duration.ofSeconds(1), fx.listener());
            assertThat(fx.stack.supervision.restartPending(fx.id("policy-always-1")))
                    .isFalse();
            assertThat(status(fx, "policy", "always")).startsWith("exited");
            fx.compose.down("policy", Optional.of(project), DOWN_V, fx.listener());
        }
    }

    @Test
    void stopStartRestartKillPauseAndUnpause() throws Exception {
        try (FakeStackFixture fx = new FakeStackFixture()) {
            Project project = fx.write("cmds", """
                    services:
                      web:
                        image: busybox:1.36
                        ports: ["127.0.0.1::80"]
                      side:
                        image: busybox:1.36
                    """);
            fx.behaves("cmds-web-1", ScriptedProcess.running().trapping("SIGTERM", 0));
            fx.compose.up(project, UpOptions.defaults(), fx.listener());
            int published =
                    fx.compose.port("cmds", "web", 1, 80, "tcp").orElseThrow().hostPort();
            assertThat(published).isBetween(49153, 65535);

            fx.compose.stop("cmds", List.of("web"), Duration.ofSeconds(1), fx.listener());
            assertThat(status(fx, "cmds", "web")).isEqualTo("exited (0)");
            assertThatThrownBy(() -> fx.compose.port("cmds", "web", 1, 80, "tcp"))
                    .hasMessage("service \"web\" is not running container #1");
            fx.compose.start("cmds", List.of("web"), fx.listener());
            assertThat(status(fx, "cmds", "web")).isEqualTo("running");
            assertThat(fx.compose.port("cmds", "web", 1, 80, "tcp")).isPresent();

            // the restart: a stop and a start of the same container, on its kept writable layer
            int before = fx.runtime.operations().size();
            fx.compose.restart("cmds", List.of("web"), Duration.ofSeconds(1), fx.listener());
            assertThat(fx.runtime
                            .operations()
                            .subList(before, fx.runtime.operations().size()))
                    .containsExactly("stop cmds-web-1", "exited cmds-web-1 0", "restart cmds-web-1");
            assertThat(status(fx, "cmds", "web")).isEqualTo("running");

            fx.compose.pause("cmds", List.of("web"), fx.listener());
            assertThat(status(fx, "cmds", "web")).isEqualTo("paused");
            fx.compose.unpause("cmds", List.of("web"), fx.listener());
            assertThat(status(fx, "cmds", "web")).isEqualTo("running");

            fx.compose.kill("cmds", List.of("side"), "SIGKILL", fx.listener());
            StackHost.await(
                    "side's exit", SOON, () -> status(fx, "cmds", "side").equals("exited (137)"));
            fx.compose.rm("cmds", List.of("side"), false, fx.listener());
            assertThat(fx.compose.ps("cmds", true))
                    .extracting(ContainerSummary::service)
                    .containsExactly("web");

            fx.compose.down("cmds", Optional.of(project), DOWN_V, fx.listener());
            assertThat(fx.compose.ps("cmds", true)).isEmpty();
            assertThat(fx.network.networks().state().networks()).isEmpty();
            assertThat(fx.network.dns().served()).isEmpty();
        }
    }

    /** docker compose's answers: a second pause fails, a stop reports stopped ones too, ps -a has the one-offs. */
    @Test
    void pauseTwiceFailsStopReportsStoppedContainersAndOneOffsAreListedApart() throws Exception {
        try (FakeStackFixture fx = new FakeStackFixture()) {
            Project project = fx.write("parity", """
                    services:
                      web:
                        image: busybox:1.36
                    """);
            fx.compose.up(project, UpOptions.defaults(), fx.listener());
            fx.compose.pause("parity", List.of("web"), fx.listener());
            assertThatThrownBy(() -> fx.compose.pause("parity", List.of("web"), fx.listener()))
                    .hasMessage("container parity-web-1 is already paused");
            assertThat(status(fx, "parity", "web")).isEqualTo("paused");
            fx.compose.unpause("parity", List.of("web"), fx.listener());

            fx.compose.stop("parity", List.of(), Duration.ofSeconds(1), fx.listener());
            fx.clearEvents();
            fx.compose.stop("parity", List.of("web"), Duration.ofSeconds(1), fx.listener());
            assertThat(fx.rendered()).contains("Container parity-web-1 Stopped");

            fx.compose.run(
                    project,
                    new dev.jcompose.api.RunOptions(
                            "web",
                            List.of("sleep", "60"),
                            null,
                            Map.of(),
                            List.of(),
                            false,
                            null,
                            null,
                            null,
                            true,
                            true,
                            false),
                    fx.listener(),
                    r -> {});
            assertThat(fx.compose.ps("parity", true))
                    .extracting(ContainerSummary::name)
                    .containsExactly("parity-web-1");
            assertThat(fx.compose.oneOffs("parity"))
                    .singleElement()
                    .satisfies(c -> assertThat(c.name()).startsWith("parity-web-run-"));
            fx.compose.down("parity", Optional.of(project), DOWN_V, fx.listener());
            assertThat(fx.compose.oneOffs("parity")).isEmpty();
        }
    }

    @Test
    void scaleUpRegistersEveryReplicaInDnsAndScaleDownRemovesTheHighest() throws Exception {
        try (FakeStackFixture fx = new FakeStackFixture()) {
            Project project = fx.write("scale", """
                    services:
                      web:
                        image: busybox:1.36
                    """);
            fx.compose.up(project, scaled(2), fx.listener());
            assertThat(fx.network.dns().served()).containsExactly("scale_default");
            assertThat(fx.network.dns().lookup("scale_default", "web")).hasSize(2);
            fx.compose.up(project, scaled(1), fx.listener());
            assertThat(fx.compose.ps("scale", true))
                    .extracting(ContainerSummary::name)
                    .containsExactly("scale-web-1");
            assertThat(fx.network.dns().lookup("scale_default", "web")).hasSize(1);
            fx.compose.down("scale", Optional.of(project), DOWN_V, fx.listener());
        }
    }

    @Test
    void aSecondEngineAdoptsTheFirstsContainersAndSupervisesThem() throws Exception {
        try (FakeStackFixture fx = new FakeStackFixture()) {
            Project project = fx.write("adopt", """
                    services:
                      web:
                        image: busybox:1.36
                        restart: always
                        healthcheck: {test: ["CMD", "ok"], interval: 100ms}
                    """);
            fx.compose.up(project, UpOptions.defaults().withWait(true, SOON), fx.listener());
            fx.stack.close(); // the first engine is gone; its container keeps running
            String id = fx.id("adopt-web-1");
            List<StackEvent> heard = Collections.synchronizedList(new ArrayList<>());
            try (EngineContext secondEngine = EngineContext.create();
                    Stack second = fx.openAnother(secondEngine)) {
                second.subscribe(heard::add);
                assertThat(second.service().ps("adopt", false))
                        .extracting(ContainerSummary::status)
                        .containsExactly("running (healthy)");
                fx.runtime.exit(id, 1);
                StackHost.await(
                        "the second engine restarts it",
                        SOON,
                        () -> rendered(heard).contains("Container adopt-web-1 Restarted"));
                assertThat(rendered(heard)).contains("Container adopt-web-1 Exited (1)");
                StackHost.await(
                        "healthy again",
                        SOON,
                        () -> rendered(heard).stream()
                                        .filter(e -> e.equals("Container adopt-web-1 Healthy"))
                                        .count()
                                >= 1);
                second.service().down("adopt", Optional.of(project), DOWN_V, fx.listener());
            }
            assertThat(fx.runtime.exists(id)).isFalse();
        }
    }

    private static List<String> rendered(List<StackEvent> events) {
        synchronized (events) {
            return events.stream().map(StackEvent::render).toList();
        }
    }

    private static long count(FakeStackFixture fx, String event) {
        return fx.rendered().stream().filter(event::equals).count();
    }

    private static String status(FakeStackFixture fx, String project, String service) {
        return fx.compose.ps(project, true).stream()
                .filter(c -> c.service().equals(service))
                .map(ContainerSummary::status)
                .findFirst()
                .orElse("gone");
    }

    private static List<String> logs(FakeStackFixture fx, String project, String service) {
        List<String> lines = new ArrayList<>();
        fx.compose.logs(project, new LogOptions(List.of(service), false, -1, false, null), r -> lines.add(r.text()));
        return lines;
    }

    private static UpOptions scaled(int web) {
        return new UpOptions(
                List.of(),
                false,
                false,
                false,
                false,
                new java.util.TreeMap<>(Map.of("web", web)),
                null,
                false,
                false,
                null,
                Duration.ofSeconds(1));
    }
}
