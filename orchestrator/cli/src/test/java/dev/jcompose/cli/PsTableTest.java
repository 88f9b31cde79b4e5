package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.api.ContainerSummary;
import dev.jcompose.console.StatusText;
import dev.jcompose.state.ContainerState;
import dev.jcompose.state.Health;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@code ps} from the engine's rows, with a fixed clock: docker compose's columns and wording. */
class PsTableTest {
    static final Instant NOW = Instant.parse("2026-11-23T05:00:00Z");
    static final String ID = "3f4e5d6c7b8a9f0e1d2c3b4a59687766554433221100ffeeddccbbaa99887766";

    static ContainerSummary row(
            String service, String state, String health, int exit, Instant started, Instant finished) {
        return new ContainerSummary(
                ID,
                "shop-" + service + "-1",
                "shop",
                service,
                1,
                "busybox:1.36",
                "sh -c 'echo hello; sleep 1000'",
                ContainerState.parse(state),
                Health.parse(health),
                exit,
                List.of(),
                NOW.minusSeconds(300),
                started,
                finished,
                new TreeMap<>(Map.of("com.docker.compose.project", "shop")),
                new TreeMap<>(Map.of("shop_default", "172.18.0.2")));
    }

    static String status(ContainerSummary row) {
        return StatusText.of(PsTable.view(row, NOW), NOW);
    }

    @Test
    void everyStateReadsAsDockerComposePsShowsIt() {
        assertThat(status(row("api", "running", "healthy", 0, NOW.minusSeconds(290), null)))
                .isEqualTo("Up 4 minutes (healthy)");
        assertThat(status(row("cache", "paused", "", 0, NOW.minusSeconds(3), null)))
                .isEqualTo("Up 3 seconds (Paused)");
        assertThat(status(row("db", "running", "starting", 0, NOW.minusMillis(400), null)))
                .isEqualTo("Up Less than a second (health: starting)");
        assertThat(status(row("proxy", "running", "unhealthy", 0, NOW.minusSeconds(7200), null)))
                .isEqualTo("Up 2 hours (unhealthy)");
        assertThat(status(row("job", "exited", "", 1, NOW.minusSeconds(200), NOW.minusSeconds(120))))
                .isEqualTo("Exited (1) 2 minutes ago");
        assertThat(status(row("flaky", "restarting", "", 1, NOW.minusSeconds(10), NOW.minusSeconds(2))))
                .isEqualTo("Restarting (1) 2 seconds ago");
        assertThat(status(row("new", "created", "", 0, null, null))).isEqualTo("Created");
        assertThat(status(row("odd", "dead", "", 0, null, null))).isEqualTo("Dead");
    }

    @Test
    void theTableHasCreatedAndTruncatesCommandsUnlessNoTrunc() {
        List<ContainerSummary> rows = List.of(
                row("api", "running", "healthy", 0, NOW.minusSeconds(290), null),
                row("job", "exited", "", 1, NOW.minusSeconds(200), NOW.minusSeconds(120)));
        assertThat(PsTable.table(rows, NOW, false)).isEqualTo("""
                NAME         IMAGE          COMMAND                  SERVICE   CREATED         STATUS                     PORTS
                shop-api-1   busybox:1.36   "sh -c 'echo hello; …"   api       5 minutes ago   Up 4 minutes (healthy)    \s
                shop-job-1   busybox:1.36   "sh -c 'echo hello; …"   job       5 minutes ago   Exited (1) 2 minutes ago  \s
                """);
        assertThat(PsTable.table(rows, NOW, true).lines().skip(1).findFirst().orElseThrow())
                .startsWith("shop-api-1   busybox:1.36   \"sh -c 'echo hello; sleep 1000'\"   api ");
    }

    @Test
    void jsonHasComposeV2Fields() {
        ContainerSummary exited = row("job", "exited", "", 1, NOW.minusSeconds(200), NOW.minusSeconds(120));
        assertThat(PsTable.json(List.of(exited), NOW, false))
                .isEqualTo(
                        "{\"Command\":\"\\\"sh -c 'echo hello; …\\\"\","
                                + "\"CreatedAt\":\"2026-11-23 04:55:00 +0000 UTC\",\"ExitCode\":1,\"Health\":\"\",\"ID\":\"3f4e5d6c7b8a\","
                                + "\"Image\":\"busybox:1.36\",\"Labels\":\"com.docker.compose.project=shop\","
                                + "\"LocalVolumes\":\"0\",\"Mounts\":\"\",\"Name\":\"shop-job-1\","
                                + "\"Names\":\"shop-job-1\",\"Networks\":\"shop_default\",\"Ports\":\"\",\"Project\":\"shop\",\"Publishers\":[],"
                                + "\"RunningFor\":\"5 minutes ago\",\"Service\":\"job\",\"Size\":\"0B\",\"State\":\"exited\",\"Status\":\"Exited (1) 2 minutes ago\"}\n");
        assertThat(PsTable.json(List.of(exited), NOW, true))
                .contains("\"ID\":\"" + ID + "\"", "\"Command\":\"\\\"sh -c 'echo hello; sleep 1000'\\\"\"");
    }

    @Test
    void aRowWithoutTimesFromAnOlderEngineReadsAsJustCreated() {
        ContainerSummary old = new ContainerSummary(
                "abc",
                "shop-web-1",
                "shop",
                "web",
                1,
                "busybox:1.36",
                "httpd",
                ContainerState.RUNNING,
                Health.NONE,
                0,
                List.of());
        assertThat(status(old)).isEqualTo("Up Less than a second");
        assertThat(StatusText.ago(PsTable.view(old, NOW).created(), NOW)).isEqualTo("Less than a second ago");
    }
}
