package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.api.ContainerSummary;
import dev.jcompose.api.DownOptions;
import dev.jcompose.api.ExecOptions;
import dev.jcompose.api.ExecOutcome;
import dev.jcompose.api.LogOptions;
import dev.jcompose.api.LogRecord;
import dev.jcompose.api.PortBinding;
import dev.jcompose.api.UpOptions;
import dev.jcompose.image.testing.TestImages;
import dev.jcompose.model.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The per-container commands, network modes, aliases and image volumes, on this host. */
@Tag("root")
class CommandsRootTest {
    @Test
    void commandsNetworkModesAliasesAndAnonymousVolumes() throws Exception {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        try (StackFixture fx = new StackFixture()) {
            fx.loadImage(
                    "vol:1",
                    TestImages.busybox().volume("/data").cmd("sleep", "300").build());
            Path dir = Files.createDirectories(fx.dir.resolve("cmds"));
            Files.writeString(dir.resolve("compose.yaml"), """
                    services:
                      web:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        ports: ["127.0.0.1::80"]
                        networks:
                          default:
                            aliases: [www]
                      side:
                        image: busybox:1.36
                        network_mode: "service:web"
                        command: ["sleep", "300"]
                      talker:
                        image: busybox:1.36
                        command: ["sh", "-c", "echo one; echo two >&2"]
                      keeper:
                        image: vol:1
                      alone:
                        image: busybox:1.36
                        network_mode: none
                        command: ["sleep", "300"]
                    """);
            Project project = fx.load(dir, "cmds", Map.of());
            String p = fx.project("cmds");
            fx.compose.up(project, UpOptions.defaults(), fx.listener());

            PortBinding published = fx.compose.port(p, "web", 1, 80, "tcp").orElseThrow();
            assertThat(published.hostIp()).isEqualTo("127.0.0.1");
            assertThat(published.hostPort()).isBetween(49153, 65535);
            assertThat(published.containerPort()).isEqualTo(80);
            assertThat(published.protocol()).isEqualTo("tcp");
            String webAddr = fx.compose
                    .exec(p, ExecOptions.of("web", "ip", "-4", "-o", "addr", "show", "eth0"))
                    .stdout();
            assertThat(webAddr).containsPattern("inet (172\\.|192\\.168\\.)");
            assertThat(fx.compose
                            .exec(p, ExecOptions.of("side", "ip", "-4", "-o", "addr", "show", "eth0"))
                            .stdout())
                    .isEqualTo(webAddr);
            for (String name : List.of("www", "web", p + "-web-1", "talker")) {
                ExecOutcome r = fx.compose.exec(p, ExecOptions.of("side", "nslookup", name));
                assertThat(r.exitCode())
                        .as(name + ": " + r.stdout() + r.stderr())
                        .isEqualTo(name.equals("talker") ? 1 : 0);
            }

            assertThat(fx.compose
                            .exec(p, ExecOptions.of("alone", "sh", "-c", "ls /sys/class/net"))
                            .stdout())
                    .isEqualTo("lo\n");

            List<LogRecord> followed = new ArrayList<>();
            fx.compose.logs(p, new LogOptions(List.of("talker"), true, -1, false, null), followed::add);
            assertThat(followed)
                    .extracting(LogRecord::text, LogRecord::stderr)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("one", false),
                            org.assertj.core.groups.Tuple.tuple("two", true));

            fx.compose.pause(p, List.of("web"), fx.listener());
            assertThat(status(fx, p, "web")).isEqualTo("paused");
            fx.compose.unpause(p, List.of("web"), fx.listener());
            assertThat(status(fx, p, "web")).isEqualTo("running");
            assertThat(fx.compose.top(p, List.of("web"))).containsOnlyKeys(p + "-web-1");
            assertThat(fx.compose.images(p, List.of()))
                    .extracting(i -> i.container() + " " + i.reference())
                    .contains(p + "-keeper-1 vol:1", p + "-web-1 busybox:1.36");
            assertThat(fx.compose.images(p, List.of("web")))
                    .singleElement()
                    .satisfies(i -> assertThat(i.id()).startsWith("sha256:"))
                    .satisfies(i -> assertThat(i.size()).isPositive());

            fx.compose.kill(p, List.of("side"), "SIGKILL", fx.listener());
            StackFixture.await(
                    "side to exit",
                    Duration.ofSeconds(20),
                    () -> status(fx, p, "side").equals("exited (137)"));
            fx.compose.rm(p, List.of("side"), false, fx.listener());
            assertThat(fx.compose.ps(p, true))
                    .extracting(ContainerSummary::service)
                    .doesNotContain("side");

            Path volumes = fx.paths.dataRoot().resolve("volumes");
            assertThat(count(volumes)).isEqualTo(1);
            assertThat(fx.compose
                            .exec(p, ExecOptions.of("keeper", "sh", "-c", "echo x > /data/f && cat /data/f"))
                            .stdout())
                    .isEqualTo("x\n");
            fx.compose.down(
                    p, Optional.of(project), new DownOptions(true, false, Duration.ofSeconds(1)), fx.listener());
            assertThat(count(volumes)).isZero();
            assertThat(fx.compose.ps(p, true)).isEmpty();
        }
    }

    private static String status(StackFixture fx, String project, String service) {
        return fx.compose.ps(project, true).stream()
                .filter(c -> c.service().equals(service))
                .map(ContainerSummary::status)
                .findFirst()
                .orElse("gone");
    }

    private static long count(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
