package dev.jcompose.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.state.ContainerState;
import dev.jcompose.state.Health;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PsFormatterTest {
    private static final Instant NOW = Instant.parse("2026-11-23T02:10:00Z");
    private static final String ID = "3f4e5d6c7b8a9f0e1d2c3b4a59687766554433221100ffeeddccbbaa99887766";

    private static ContainerView view(
            String name,
            String service,
            ContainerState state,
            long startedSecondsAgo,
            int exitCode,
            Health health,
            List<PortPublisher> ports) {
        Instant t = NOW.minusSeconds(startedSecondsAgo);
        return new ContainerView(
                ID,
                name,
                "busybox:1.36",
                "sh -c 'echo hello; sleep 1000'",
                "shop",
                service,
                NOW.minusSeconds(120),
                state,
                t,
                t,
                exitCode,
                health,
                ports,
                Map.of("b", "2", "a", "1"),
                List.of("shop_default"),
                List.of(),
                0);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "RUNNING|5|0|NONE|Up 5 seconds",
                "RUNNING|5|0|HEALTHY|Up 5 seconds (healthy)",
                "RUNNING|0|0|STARTING|Up Less than a second (health: starting)",
                "RUNNING|90|0|UNHEALTHY|Up About a minute (unhealthy)",
                "PAUSED|2|0|HEALTHY|Up 2 seconds (Paused)",
                "EXITED|120|3|NONE|Exited (3) 2 minutes ago",
                "EXITED|7200|137|NONE|Exited (137) 2 hours ago",
                "RESTARTING|3|1|NONE|Restarting (1) 3 seconds ago",
                "CREATED|0|0|NONE|Created",
                "REMOVING|0|0|NONE|Removal In Progress",
                "DEAD|0|0|NONE|Dead",
            })
    void statusColumnLikeDocker(ContainerState state, long secondsAgo, int exitCode, Health health, String expected) {
        assertThat(StatusText.of(view("n", "s", state, secondsAgo, exitCode, health, List.of()), NOW))
                .isEqualTo(expected);
    }

    @Test
    void exitedWithoutFinishTimeAndClockSkew() {
        ContainerView neverStarted = new ContainerView(
                "", "n", "i", "", "", "", NOW, ContainerState.EXITED, null, null, 2, null, null, null, null, null, 0);
        assertThat(StatusText.of(neverStarted, NOW)).isEqualTo("Created");
        ContainerView noFinish = new ContainerView(
                "", "n", "i", "", "", "", NOW, ContainerState.EXITED, NOW, null, 2, null, null, null, null, null, 0);
        assertThat(StatusText.of(noFinish, NOW)).isEmpty();
        assertThat(StatusText.ago(NOW.plusSeconds(5), NOW)).isEqualTo("Less than a second ago");
    }

    @Test
    void tableLikeComposePs() {
        List<ContainerView> cs = List.of(
                view(
                        "shop-web-1",
                        "web",
                        ContainerState.RUNNING,
                        5,
                        0,
                        Health.HEALTHY,
                        List.of(PortPublisher.exposed(443, "tcp"), new PortPublisher("127.0.0.1", 80, 8080, "tcp"))),
                view("shop-worker-1", "worker", ContainerState.EXITED, 120, 3, Health.NONE, List.of()));
        assertThat(new PsFormatter(NOW).table(cs, false))
                .isEqualTo("NAME            IMAGE          COMMAND                  SERVICE   CREATED         "
                        + "STATUS                     PORTS\n"
                        + "shop-web-1      busybox:1.36   \"sh -c 'echo hello; …\"   web       2 minutes ago   "
                        + "Up 5 seconds (healthy)     443/tcp, 127.0.0.1:8080->80/tcp\n"
                        + "shop-worker-1   busybox:1.36   \"sh -c 'echo hello; …\"   worker    2 minutes ago   "
                        + "Exited (3) 2 minutes ago   \n");
    }

    @Test
    void tableWithoutTruncation() {
        String table = new PsFormatter(NOW)
                .table(List.of(view("a", "a", ContainerState.CREATED, 0, 0, Health.NONE, List.of())), true);
        assertThat(table.split("\n")[1]).contains("\"sh -c 'echo hello; sleep 1000'\"   a ");
    }

    @Test
    void emptyTableIsTheHeader() {
        assertThat(new PsFormatter(NOW).table(List.of(), false))
                .isEqualTo("NAME      IMAGE     COMMAND   SERVICE   CREATED   STATUS    PORTS\n");
    }

    @Test
    void quietPrintsFullIds() {
        ContainerView c = view("a", "a", ContainerState.RUNNING, 1, 0, Health.NONE, List.of());
        assertThat(new PsFormatter(NOW).quiet(List.of(c, c))).isEqualTo(ID + "\n" + ID + "\n");
    }

    @Test
    void jsonLikeComposePs() {
        ContainerView c = view(
                "shop-web-1",
                "web",
                ContainerState.RUNNING,
                5,
                0,
                Health.HEALTHY,
                List.of(new PortPublisher("0.0.0.0", 80, 8080, "tcp")));
        assertThat(new PsFormatter(NOW).json(List.of(c), false))
                .isEqualTo("{"
                        + "\"Command\":\"\\\"sh -c 'echo hello; …\\\"\","
                        + "\"CreatedAt\":\"2026-11-23 02:08:00 +0000 UTC\","
                        + "\"ExitCode\":0,\"Health\":\"healthy\",\"ID\":\"3f4e5d6c7b8a\",\"Image\":\"busybox:1.36\","
                        + "\"Labels\":\"a=1,b=2\",\"LocalVolumes\":\"0\",\"Mounts\":\"\","
                        + "\"Name\":\"shop-web-1\",\"Names\":\"shop-web-1\","
                        + "\"Networks\":\"shop_default\",\"Ports\":\"0.0.0.0:8080->80/tcp\",\"Project\":\"shop\","
                        + "\"Publishers\":[{\"URL\":\"0.0.0.0\",\"TargetPort\":80,\"PublishedPort\":8080,\"Protocol\":\"tcp\"}],"
                        + "\"RunningFor\":\"2 minutes ago\",\"Service\":\"web\",\"Size\":\"0B\",\"State\":\"running\","
                        + "\"Status\":\"Up 5 seconds (healthy)\"}\n");
    }

    @Test
    void jsonListsMountsVolumesCountAndExposedPortsAsComposePsDoes() {
        ContainerView c = new ContainerView(
                ID,
                "shop-db-1",
                "busybox:1.36",
                "sh",
                "shop",
                "db",
                NOW,
                ContainerState.RUNNING,
                NOW,
                null,
                0,
                Health.NONE,
                List.of(PortPublisher.exposed(443, "tcp"), PortPublisher.exposed(80, "tcp")),
                Map.of(),
                List.of("shop_default"),
                List.of("shop_data", "/srv/shop/configuration"),
                1);
        String truncated = new PsFormatter(NOW).json(List.of(c), false);
        assertThat(truncated)
                .contains("\"LocalVolumes\":\"1\"", "\"Mounts\":\"shop_data,/srv/shop/conf…\"", "\"Size\":\"0B\"")
                .contains("\"Ports\":\"80/tcp, 443/tcp\"")
                .contains("\"Publishers\":[{\"URL\":\"\",\"TargetPort\":443,\"PublishedPort\":0,\"Protocol\":\"tcp\"},"
                        + "{\"URL\":\"\",\"TargetPort\":80,\"PublishedPort\":0,\"Protocol\":\"tcp\"}]");
        assertThat(new PsFormatter(NOW).json(List.of(c), true))
                .contains("\"Mounts\":\"shop_data,/srv/shop/configuration\"");
    }

    @Test
    void jsonWithoutTruncationKeepsFullIdAndCommand() {
        ContainerView c = view("a", "a", ContainerState.EXITED, 5, 1, Health.NONE, List.of());
        String json = new PsFormatter(NOW).json(List.of(c), true);
        assertThat(json)
                .contains("\"ID\":\"" + ID + "\"")
                .contains("\"Command\":\"\\\"sh -c 'echo hello; sleep 1000'\\\"\"")
                .contains("\"Publishers\":[]")
                .contains("\"ExitCode\":1")
                .contains("\"Health\":\"\"");
    }
}
