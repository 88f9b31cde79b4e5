package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.api.RunOptions;
import dev.jcompose.model.DependencyCondition;
import dev.jcompose.model.ModelJson;
import dev.jcompose.model.Project;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.plan.Operation;
import dev.jcompose.plan.Plan;
import dev.jcompose.plan.Step;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OneOffTest {
    static final String PROJECT = """
            {"name": "shop", "services": {
              "web": {"image": "busybox:1.36", "command": ["httpd", "-f"], "restart": "always",
                      "environment": {"A": "1"}, "labels": {"x": "y"},
                      "ports": [{"mode": "ingress", "target": 80, "published": "8080", "protocol": "tcp"}]},
              "db": {"image": "busybox:1.36"}}}
            """;

    final Project project = ModelJson.read(PROJECT);

    @Test
    void nameIsComposes() {
        assertThat(RunOptions.oneOffName("shop", "web", "0123456789ab")).isEqualTo("shop-web-run-0123456789ab");
    }

    @Test
    void theServiceAsTheOneOffRunsIt() {
        Project p = OneOff.project(
                project,
                new RunOptions(
                        "web",
                        List.of("sh", "-c", "exit 4"),
                        List.of("env"),
                        Map.of("B", "2"),
                        List.of("127.0.0.1:9090:90/udp"),
                        false,
                        "n",
                        "/tmp",
                        "nobody",
                        false,
                        false,
                        true));
        ServiceConfig web = p.services().get("web");
        assertThat(web.command()).containsExactly("sh", "-c", "exit 4");
        assertThat(web.entrypoint()).containsExactly("env");
        assertThat(web.environment()).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("A", "1", "B", "2")));
        assertThat(web.labels())
                .containsEntry("com.docker.compose.oneoff", "True")
                .containsEntry("x", "y");
        assertThat(web.restart()).isNull();
        assertThat(web.workingDir()).isEqualTo("/tmp");
        assertThat(web.user()).isEqualTo("nobody");
        assertThat(web.ports()).singleElement().satisfies(port -> {
            assertThat(port.target()).isEqualTo(90);
            assertThat(port.published()).isEqualTo("9090");
            assertThat(port.protocol()).isEqualTo("udp");
            assertThat(port.hostIp()).isEqualTo("127.0.0.1");
        });
        assertThat(p.services().get("db")).isEqualTo(project.services().get("db"));
    }

    @Test
    void runVolumesAreAddedToTheServicesOwn() {
        dev.jcompose.model.ServiceVolume bind =
                new dev.jcompose.model.ServiceVolume("bind", "/srv/data", "/foo", true, null, null, null, null, null);
        RunOptions o = new RunOptions(
                "web",
                List.of(),
                null,
                Map.of(),
                List.of(),
                false,
                null,
                null,
                null,
                false,
                true,
                false,
                false,
                false,
                List.of(bind));
        ServiceConfig web = OneOff.project(project, o).services().get("web");
        assertThat(web.volumes())
                .endsWith(bind)
                .hasSize(project.services().get("web").volumes().size() + 1);
    }

    @Test
    void theServicesPortsAreNotPublishedUnlessAsked() {
        RunOptions plain = new RunOptions(
                "web", List.of(), null, Map.of(), List.of(), false, null, null, null, false, false, false);
        ServiceConfig web = OneOff.project(project, plain).services().get("web");
        assertThat(web.ports()).isEmpty();
        assertThat(web.command()).containsExactly("httpd", "-f");
        RunOptions withPorts = new RunOptions(
                "web", List.of(), null, Map.of(), List.of(), true, null, null, null, false, false, false);
        assertThat(OneOff.project(project, withPorts).services().get("web").ports())
                .hasSize(1);
    }

    @Test
    void badPortsAndServicesAreRefused() {
        RunOptions badPort = new RunOptions(
                "web", List.of(), null, Map.of(), List.of("80"), false, null, null, null, false, false, false);
        assertThatThrownBy(() -> OneOff.project(project, badPort)).hasMessage("invalid -p value \"80\"");
        RunOptions noService = new RunOptions(
                "api", List.of(), null, Map.of(), List.of(), false, null, null, null, false, false, false);
        assertThatThrownBy(() -> OneOff.project(project, noService)).hasMessage("no such service: api");
    }

    @Test
    void planKeepsResourcesAndDependenciesNotTheServicesOwnContainers() {
        Plan<Operation> up = new Plan<>(
                List.of(
                        new Step<>("net", new Operation.CreateNetwork("default", "shop_default", "h"), List.of()),
                        new Step<>(
                                "db-create", new Operation.CreateContainer("db", 1, "shop-db-1", "h"), List.of("net")),
                        new Step<>(
                                "db-start", new Operation.StartContainer("db", 1, "shop-db-1"), List.of("db-create")),
                        new Step<>(
                                "db-healthy",
                                new Operation.WaitForCondition("db", DependencyCondition.SERVICE_HEALTHY, true),
                                List.of("db-start")),
                        new Step<>(
                                "web-create",
                                new Operation.CreateContainer("web", 1, "shop-web-1", "h"),
                                List.of("net")),
                        new Step<>(
                                "web-start",
                                new Operation.StartContainer("web", 1, "shop-web-1"),
                                List.of("web-create", "db-healthy"))),
                List.of());
        assertThat(OneOff.plan(up, "web", "shop-web-run-ab", "0123456789abcdef").render(Operation::describe))
                .isEqualTo("""
                net: create network shop_default (default)
                db-create: create container shop-db-1 (db #1, config h) [after net]
                db-start: start container shop-db-1 [after db-create]
                db-healthy: wait until db is service_healthy [after db-start]
                run-create: create container shop-web-run-ab (web #1, config 0123456789ab) [after net, db-create, db-start, db-healthy]
                run-start: start container shop-web-run-ab [after run-create]
                """);
        assertThat(OneOff.plan(up, "web", "shop-web-run-ab", "0123456789abcdef", false)
                        .render(Operation::describe))
                .as("attached: the CLI connects before the start")
                .endsWith("""
                run-create: create container shop-web-run-ab (web #1, config 0123456789ab) [after net, db-create, db-start, db-healthy]
                """);
    }

    private static RunOptions attached(boolean detach, boolean stdin, boolean tty) {
        return new RunOptions(
                "web", List.of(), null, Map.of(), List.of(), false, null, null, null, false, detach, false, stdin, tty);
    }

    @Test
    void attachedTheCommandLineDecidesStdinAndTty() {
        ServiceConfig tty =
                OneOff.project(project, attached(false, true, true)).services().get("web");
        assertThat(tty.stdinOpen()).isTrue();
        assertThat(tty.tty()).isTrue();
        assertThat(tty.environment()).as("docker's TERM for a tty").containsEntry("TERM", "xterm");

        Project ttyService = ModelJson.read("""
                {"name": "shop", "services": {"web": {"image": "busybox:1.36", "tty": true, "stdin_open": true,
                  "environment": {"TERM": "vt100"}}}}
                """);
        ServiceConfig noTty = OneOff.project(ttyService, attached(false, true, false))
                .services()
                .get("web");
        assertThat(noTty.tty()).as("-T overrides the service's tty").isFalse();
        assertThat(noTty.stdinOpen()).isTrue();
        assertThat(OneOff.project(ttyService, attached(false, true, true))
                        .services()
                        .get("web")
                        .environment())
                .as("the service's TERM stays")
                .containsEntry("TERM", "vt100");
        ServiceConfig detached = OneOff.project(ttyService, attached(true, false, false))
                .services()
                .get("web");
        assertThat(detached.tty()).as("-d keeps the service's").isTrue();
        assertThat(detached.stdinOpen()).isTrue();
        ServiceConfig plain = OneOff.project(project, attached(false, false, false))
                .services()
                .get("web");
        assertThat(plain.tty()).isFalse();
        assertThat(plain.stdinOpen()).isFalse();
        assertThat(plain.environment()).doesNotContainKey("TERM");
    }
}
