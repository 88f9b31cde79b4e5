package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.cli.EngineSandbox.Container;
import dev.jcompose.cli.EngineSandbox.Run;
import dev.jcompose.endpoint.AttachmentRequest;
import dev.jcompose.endpoint.EndpointSpec;
import dev.jcompose.endpoint.NetworkMode;
import dev.jcompose.host.HostPaths;
import dev.jcompose.host.HostSnapshot;
import dev.jcompose.host.ProcessCommandRunner;
import dev.jcompose.image.testing.TestImages;
import dev.jcompose.nat.Chains;
import dev.jcompose.network.KernelNetworkLayer;
import dev.jcompose.network.NetworkLayer;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine dies by SIGKILL, idle or in the middle of an {@code up}: containers keep running under
 * conmon, the next {@code up -d} starts a new engine that adopts what exists and converges to exactly
 * the desired containers (nothing recreated, nothing duplicated, no half-made leftovers), DNS and the
 * published port still work, and {@code down -v} leaves nothing behind.
 */
@Tag("root")
class EngineKillMatrixRootTest {
    /** db (healthy) <- api <- web, web publishing a port on 127.0.0.1. */
    static final String CHAIN = """
            services:
              db:
                image: busybox:1.36
                init: true
                command: ["sh", "-c", "touch /tmp/ready; while true; do sleep 1; done"]
                healthcheck:
                  test: ["CMD", "test", "-f", "/tmp/ready"]
                  interval: 1s
                  timeout: 2s
                  retries: 5
                  start_period: 5s
                  start_interval: 200ms
              api:
                image: busybox:1.36
                init: true
                command: ["sh", "-c", "while true; do sleep 1; done"]
                depends_on:
                  db:
                    condition: service_healthy
              web:
                image: busybox:1.36
                init: true
                command: ["sh", "-c", "mkdir -p /www && echo hello-from-web > /www/index.html && exec httpd -f -p 8080 -h /www"]
                ports: ["127.0.0.1:${WEB_PORT}:8080"]
                depends_on: [api]
            """;

    static final List<String> SERVICES = List.of("api", "db", "web");

    @Test
    void sigkillWhileIdleThenUpAdoptsWithoutRecreating() throws Exception {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        String tag = EngineSandbox.newTag();
        String project = "kmidle" + tag;
        EngineSandbox box = new EngineSandbox(tag, project);
        HostSnapshot before = box.snapshot();
        box.runThenClose(() -> {
            int port = prepare(box);
            box.cli("-p", project, "--progress", "plain", "up", "-d", "--wait").assertOk("first up");
            List<Container> running = box.ps(project);
            assertThat(running).extracting(Container::name).containsExactly(names(project));
            assertThat(running).extracting(Container::state).containsOnly("running");
            assertThat(CliEndToEndRootTest.httpGet(port)).isEqualTo("hello-from-web\n");

            long engine = box.enginePid();
            EngineSandbox.sigkill(engine);
            for (Container c : running) {
                long pid = box.pidFile(c.id(), "container.pid").orElseThrow();
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                        .as("container %s (pid %d) survives the engine's SIGKILL", c.name(), pid)
                        .contains(true);
            }
            assertThat(box.health(project, project + "-db-1"))
                    .as("the new engine resumes the saved health, no flap to starting")
                    .isEqualTo("healthy");
            assertThat(box.enginePid()).as("ps started a new engine").isNotEqualTo(engine);

            Run again =
                    box.cli("-p", project, "--progress", "plain", "up", "-d").assertOk("up after SIGKILL");
            assertThat(box.enginePid()).as("a new engine serves").isNotEqualTo(engine);
            assertThat(again.err()).doesNotContain("Created", "Recreated");
            assertThat(box.ps(project))
                    .as("the same containers, adopted, nothing recreated")
                    .isEqualTo(running);
            assertConverged(box, project, port);
            box.cli("-p", project, "--progress", "plain", "down", "-v", "-t", "0")
                    .assertOk("down -v");
            assertThat(box.ps(project)).isEmpty();
        });
        box.snapshot().assertSameAs(before);
    }

    /**
     * Deterministic form of the race the mid-up kills hit at random: an engine killed between a
     * create's endpoint attach and the runtime's record leaves an endpoint (netns, veth, lease) and
     * stack files for a container that does not exist. The next engine removes them before its first
     * command, so {@code up} converges to one netns and veth per container and {@code down} can remove
     * the network.
     */
    @Test
    void anEndpointLeftByACreateCutShortIsRemovedByTheNextEngine() throws Exception {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        String tag = EngineSandbox.newTag();
        String project = "kmhalf" + tag;
        EngineSandbox box = new EngineSandbox(tag, project);
        HostSnapshot before = box.snapshot();
        box.runThenClose(() -> {
            int port = prepare(box);
            box.cli("-p", project, "--progress", "plain", "up", "-d", "--wait").assertOk("first up");
            List<Container> running = box.ps(project);
            EngineSandbox.sigkill(box.enginePid());
            String ghost = "0123456789abcdef0123456789abcdef";
            KernelNetworkLayer.Options defaults = KernelNetworkLayer.Options.defaults();
            NetworkLayer network = new KernelNetworkLayer(
                    new HostPaths(box.dir.resolve("data"), box.dir.resolve("run")),
                    new ProcessCommandRunner(),
                    new KernelNetworkLayer.Options(
                            new Chains(box.chainPrefix),
                            defaults.pool(),
                            defaults.ports(),
                            defaults.faults(),
                            defaults.events()),
                    NetworkLayer.Dns.NONE);
            network.endpoints()
                    .attach(new EndpointSpec(
                            ghost,
                            List.of("ghost"),
                            new NetworkMode.Bridge(),
                            List.of(AttachmentRequest.of(project + "_default")),
                            List.of()));
            Files.createDirectories(box.dir.resolve("run/stack/containers").resolve(ghost));
            Files.writeString(
                    box.dir.resolve("run/stack/containers").resolve(ghost).resolve("hosts"), "");
            assertThat(box.entries("run/netns")).hasSize(SERVICES.size() + 1);

            Run again =
                    box.cli("-p", project, "--progress", "plain", "up", "-d").assertOk("up after SIGKILL");
            assertThat(again.err()).doesNotContain("Created", "Recreated");
            assertThat(box.ps(project)).isEqualTo(running);
            assertConverged(box, project, port);
            assertThat(box.entries("run/stack/containers"))
                    .as("stack files of containers")
                    .containsExactlyInAnyOrderElementsOf(
                            running.stream().map(Container::id).toList());
            Run down = box.cli("-p", project, "--progress", "plain", "down", "-v", "-t", "0")
                    .assertOk("down -v");
            assertThat(down.err()).contains(" Network " + project + "_default  Removed");
        });
        box.snapshot().assertSameAs(before);
    }

    /**
     * The engine is killed synchronously from the CLI's progress stream the moment the named event
     * for the first container arrives: mid-create, right after a start, right after a health wait.
     */
    @ParameterizedTest(name = "SIGKILL on the first \"{0}\"")
    @ValueSource(strings = {"Creating", "Started", "Healthy"})
    void sigkillDuringUpThenUpConverges(String event) throws Exception {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        String tag = EngineSandbox.newTag();
        String project = "km" + event.toLowerCase(java.util.Locale.ROOT).substring(0, 3) + tag;
        EngineSandbox box = new EngineSandbox(tag, project);
        HostSnapshot before = box.snapshot();
        box.runThenClose(() -> {
            int port = prepare(box);
            long engine = box.startEngine(project);
            KillOnEvent hook = new KillOnEvent(" Container ", "  " + event, engine);
            Run cut = box.cli(hook, "-p", project, "--progress", "plain", "up", "-d", "--wait");
            assertThat(hook.fired)
                    .as("the \"%s\" event arrived and the engine was killed; up said:\n%s", event, cut.err())
                    .isTrue();
            assertThat(cut.exit())
                    .as("an up whose engine died fails:\n" + cut.err())
                    .isNotZero();

            box.cli("-p", project, "--progress", "plain", "up", "-d", "--wait").assertOk("up after SIGKILL");
            assertThat(box.enginePid()).as("a new engine serves").isNotEqualTo(engine);
            List<Container> converged = box.ps(project);
            assertThat(converged).extracting(Container::name).containsExactly(names(project));
            assertThat(converged).extracting(Container::state).containsOnly("running");
            assertConverged(box, project, port);
            Run idempotent =
                    box.cli("-p", project, "--progress", "plain", "up", "-d").assertOk("third up");
            assertThat(idempotent.err()).doesNotContain("Created", "Recreated");
            assertThat(box.ps(project)).isEqualTo(converged);

            box.cli("-p", project, "--progress", "plain", "down", "-v", "-t", "0")
                    .assertOk("down -v");
            assertThat(box.ps(project)).isEmpty();
            assertThat(box.entries("run/containers"))
                    .as("container state left after down")
                    .isEmpty();
            assertThat(box.entries("run/netns")).as("netns left after down").isEmpty();
        });
        box.snapshot().assertSameAs(before);
    }

    private static int prepare(EngineSandbox box) throws IOException {
        int port = CliEndToEndRootTest.freePort();
        box.env("WEB_PORT", Integer.toString(port));
        box.importBusybox();
        Files.writeString(box.app().resolve("compose.yaml"), CHAIN);
        return port;
    }

    private static String[] names(String project) {
        return SERVICES.stream().map(s -> project + "-" + s + "-1").toArray(String[]::new);
    }

    /**
     * Exactly the desired containers and nothing half-made: one state directory, one netns and one
     * veth per container; names resolve through the embedded DNS; the published port answers.
     */
    private static void assertConverged(EngineSandbox box, String project, int port) throws Exception {
        List<Container> cs = box.ps(project);
        assertThat(box.entries("run/containers"))
                .as("container state directories")
                .containsExactlyInAnyOrderElementsOf(
                        cs.stream().map(Container::id).toList());
        assertThat(box.entries("data/containers"))
                .as("container data directories")
                .containsExactlyInAnyOrderElementsOf(
                        cs.stream().map(Container::id).toList());
        assertThat(box.entries("run/netns")).as("network namespaces").hasSize(SERVICES.size());
        assertThat(EngineSandbox.vethsOn(project))
                .as("veths on the project bridge")
                .hasSize(SERVICES.size());
        for (String name : SERVICES) {
            Run lookup = box.cli("-p", project, "exec", "-T", "web", "nslookup", name);
            assertThat(lookup.exit())
                    .as("nslookup %s from web:\n%s%s", name, lookup.out(), lookup.err())
                    .isZero();
            assertThat(lookup.out()).contains("Address");
        }
        assertThat(CliEndToEndRootTest.httpGet(port)).isEqualTo("hello-from-web\n");
    }

    /**
     * Watches the CLI's progress and SIGKILLs the engine inside the write that carries the first line
     * with both markers, so the kill lands at that point of the plan and not at some later time.
     */
    static final class KillOnEvent extends Writer {
        private final StringBuilder seen = new StringBuilder();
        private final String subject;
        private final String event;
        private final long enginePid;
        volatile boolean fired;

        KillOnEvent(String subject, String event, long enginePid) {
            this.subject = subject;
            this.event = event;
            this.enginePid = enginePid;
        }

        @Override
        public synchronized void write(char[] cbuf, int off, int len) {
            seen.append(cbuf, off, len);
            if (fired) {
                return;
            }
            boolean hit = seen.toString().lines().anyMatch(l -> l.contains(subject) && l.contains(event));
            if (hit) {
                fired = true;
                EngineSandbox.sigkill(enginePid);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
