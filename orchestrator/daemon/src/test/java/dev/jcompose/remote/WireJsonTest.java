package dev.jcompose.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.api.ContainerSummary;
import dev.jcompose.api.DownOptions;
import dev.jcompose.api.ExecOptions;
import dev.jcompose.api.LogOptions;
import dev.jcompose.api.LogRecord;
import dev.jcompose.api.PortBinding;
import dev.jcompose.api.StackEvent;
import dev.jcompose.api.UpOptions;
import dev.jcompose.daemon.Frame;
import dev.jcompose.daemon.FrameCodec;
import dev.jcompose.daemon.StackEnvironment;
import dev.jcompose.model.ModelJson;
import dev.jcompose.model.Project;
import dev.jcompose.policy.PullPolicy;
import dev.jcompose.state.ContainerState;
import dev.jcompose.state.Health;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every record that crosses the engine socket comes back equal. */
class WireJsonTest {
    static <T> T roundTrip(T value, Class<T> type) {
        return WireJson.read(WireJson.tree(value), type);
    }

    @Test
    void optionsRoundTrip() {
        UpOptions up = new UpOptions(
                List.of("web"),
                true,
                false,
                true,
                true,
                new TreeMap<>(Map.of("web", 3)),
                PullPolicy.NEVER,
                false,
                true,
                Duration.ofSeconds(30),
                Duration.ofMillis(2500));
        assertThat(roundTrip(up, UpOptions.class)).isEqualTo(up);
        assertThat(roundTrip(UpOptions.defaults(), UpOptions.class)).isEqualTo(UpOptions.defaults());
        DownOptions down = new DownOptions(true, false, Duration.ofSeconds(2));
        assertThat(roundTrip(down, DownOptions.class)).isEqualTo(down);
        DownOptions rmi = new DownOptions(false, true, null, "all");
        assertThat(roundTrip(rmi, DownOptions.class)).isEqualTo(rmi);
        LogOptions logs =
                new LogOptions(List.of("db"), true, 10, true, Instant.parse("2026-01-02T03:04:05.123456789Z"));
        assertThat(roundTrip(logs, LogOptions.class)).isEqualTo(logs);
        ExecOptions exec = new ExecOptions("web", 2, List.of("sh", "-c", "exit 7"), "nobody", "/tmp", Map.of("A", "1"));
        assertThat(roundTrip(exec, ExecOptions.class)).isEqualTo(exec);
    }

    @Test
    void summariesAndEventsRoundTrip() {
        ContainerSummary c = new ContainerSummary(
                "abc",
                "shop-web-1",
                "shop",
                "web",
                1,
                "busybox:1.36",
                "httpd -f",
                ContainerState.RUNNING,
                Health.HEALTHY,
                0,
                List.of(new PortBinding("127.0.0.1", 8080, 80, "tcp"), new PortBinding("", 0, 443, "tcp")));
        assertThat(roundTrip(c, ContainerSummary.class)).isEqualTo(c);
        PortBinding bound = new PortBinding("0.0.0.0", 49153, 53, "udp");
        assertThat(roundTrip(bound, PortBinding.class)).isEqualTo(bound);
        ContainerSummary timed = new ContainerSummary(
                "abc",
                "shop-web-1",
                "shop",
                "web",
                1,
                "busybox:1.36",
                "httpd -f",
                ContainerState.RESTARTING,
                Health.NONE,
                1,
                List.of(),
                Instant.parse("2026-01-02T03:04:05.123456789Z"),
                Instant.parse("2026-01-02T03:04:06Z"),
                Instant.parse("2026-01-02T03:05:00Z"),
                new TreeMap<>(Map.of("com.docker.compose.project", "shop")),
                new TreeMap<>(Map.of("shop_default", "172.18.0.2")));
        assertThat(roundTrip(timed, ContainerSummary.class)).isEqualTo(timed);
        assertThat(timed.networks()).containsExactly("shop_default");
        StackEvent e = new StackEvent("Container", "shop-web-1", "Started", "");
        assertThat(WireJson.fromEvent(WireJson.event(e))).isEqualTo(e);
        StackEvent ofShop = new StackEvent("Container", "shop-web-1", "Exited", "(3)", "shop");
        assertThat(WireJson.fromEvent(WireJson.event(ofShop))).isEqualTo(ofShop);
        LogRecord r = new LogRecord("shop-web-1", "web", Instant.parse("2026-01-02T03:04:05Z"), true, "oops");
        assertThat(WireJson.fromEvent(WireJson.event(r))).isEqualTo(r);
    }

    @Test
    void theProjectTravelsAsATreeInTheFrameAndComesBackEqual() {
        Project project = ModelJson.read("""
                {"name": "shop", "services": {"web": {"image": "busybox:1.36", "command": ["sh", "-c", "echo \\"hi\\""],
                  "cpus": 0.1, "mem_limit": 67108864, "stop_grace_period": "1m30s", "labels": {"b": "2", "a": "1"},
                  "environment": {"EMPTY": null}, "x-web": {"n": 1, "f": 2.5, "l": [true, null]},
                  "ports": [{"mode": "ingress", "target": 80, "published": "8080", "protocol": "tcp"}]}},
                 "x-top": "t"}
                """);
        ObjectNode params = WireJson.object();
        params.set("model", WireJson.model(project));
        String line = FrameCodec.encode(new Frame.Call(7, "compose.up", params));
        JsonNode received = ((Frame.Call) FrameCodec.decode(line)).params();
        assertThat(received.get("model").isObject()).as("a tree, not JSON text").isTrue();
        assertThat(WireJson.model(received)).contains(project);
        assertThat(WireJson.model(WireJson.object())).isEmpty();
    }

    @Test
    void statesTravelInDockersSpellingAsEnginesBeforeTheSharedTypesSentThem() {
        ContainerSummary running = new ContainerSummary(
                "abc",
                "shop-web-1",
                "shop",
                "web",
                1,
                "busybox",
                "",
                ContainerState.RUNNING,
                Health.STARTING,
                0,
                List.of());
        assertThat(WireJson.tree(running).path("state").asText()).isEqualTo("running");
        assertThat(WireJson.tree(running).path("health").asText()).isEqualTo("starting");
        ContainerSummary exited = new ContainerSummary(
                "abc", "shop-web-1", "shop", "web", 1, "busybox", "", ContainerState.EXITED, Health.NONE, 3, List.of());
        assertThat(WireJson.tree(exited).path("state").asText()).isEqualTo("exited");
        assertThat(WireJson.tree(exited).path("health").isTextual()).isTrue();
        assertThat(WireJson.tree(exited).path("health").asText()).isEmpty();

        var old = WireJson.object()
                .put("id", "abc")
                .put("name", "shop-web-1")
                .put("state", "paused")
                .put("health", "")
                .put("exitCode", 0);
        old.putArray("ports");
        ContainerSummary read = WireJson.read(old, ContainerSummary.class);
        assertThat(read.state()).isEqualTo(ContainerState.PAUSED);
        assertThat(read.health()).isEqualTo(Health.NONE);
        old.put("state", "frozen").put("health", "unhealthy");
        read = WireJson.read(old, ContainerSummary.class);
        assertThat(read.state()).isEqualTo(ContainerState.DEAD);
        assertThat(read.health()).isEqualTo(Health.UNHEALTHY);
    }

    @Test
    void theSubscribedMarkerIsNotANotice() {
        assertThat(WireJson.fromEvent(WireJson.subscribed())).isEqualTo(WireJson.Marker.SUBSCRIBED);
    }

    @Test
    void containerEventsRoundTrip() {
        dev.jcompose.api.ContainerEvent e = new dev.jcompose.api.ContainerEvent(
                java.time.Instant.parse("2026-01-02T03:04:05.123456789Z"),
                "container",
                "die",
                "abc",
                "web",
                new TreeMap<>(Map.of("exitCode", "4", "name", "shop-web-1")));
        assertThat(WireJson.fromEvent(WireJson.event(e))).isEqualTo(e);
    }

    @Test
    void engineVariablesTravelAsSystemProperties() {
        assertThat(StackEnvironment.jvmOptions(
                        Map.of("JCOMPOSE_RUN_ROOT", "/tmp/r", "HOME", "/root", "JCOMPOSE_DATA_ROOT", "/tmp/d")))
                .containsExactly("-Djcompose.env.JCOMPOSE_DATA_ROOT=/tmp/d", "-Djcompose.env.JCOMPOSE_RUN_ROOT=/tmp/r");
        // the name the runtime probe reads (RuntimeProbe): an in-process CLI's choice reaches the engine
        assertThat(StackEnvironment.jvmOptions(Map.of("JCOMPOSE_RUNTIME", "runc")))
                .containsExactly("-Djcompose.env.JCOMPOSE_RUNTIME=runc");
        assertThat(StackEnvironment.ofEngine(
                        Map.of("JCOMPOSE_RUN_ROOT", "/run/jcompose", "PATH", "/bin"),
                        Map.of("jcompose.env.JCOMPOSE_RUN_ROOT", "/tmp/r", "java.version", "21")))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("JCOMPOSE_RUN_ROOT", "/tmp/r", "PATH", "/bin")));
    }
}
