package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.console.LsFormatter;
import dev.jcompose.container.ContainerRecord;
import dev.jcompose.state.ContainerState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LsCommandTest {
    static ContainerRecord record(String project, ContainerState state) {
        return new ContainerRecord(
                "id",
                "n",
                project == null ? Map.of() : Map.of("com.docker.compose.project", project),
                "",
                null,
                null,
                null,
                "",
                "runc",
                "/usr/bin/runc",
                Instant.EPOCH,
                state,
                null,
                null,
                null);
    }

    @Test
    void projectsByNameWithStateCounts() {
        List<ContainerRecord> all = List.of(
                record("shop", ContainerState.RUNNING),
                record("shop", ContainerState.EXITED),
                record("shop", ContainerState.RUNNING),
                record("old", ContainerState.EXITED),
                record(null, ContainerState.RUNNING));
        assertThat(LsFormatter.table(LsCommand.projects(all, false))).isEqualTo("""
                NAME      STATUS                  CONFIG FILES
                shop      exited(1), running(2)  \s
                """);
        assertThat(LsFormatter.quiet(LsCommand.projects(all, true))).isEqualTo("old\nshop\n");
    }

    static ContainerRecord labelled(String name, String project, ContainerState state, String configFiles) {
        return new ContainerRecord(
                "id-" + name,
                name,
                Map.of("com.docker.compose.project", project, "com.docker.compose.project.config_files", configFiles),
                "",
                null,
                null,
                null,
                "",
                "runc",
                "/usr/bin/runc",
                Instant.EPOCH,
                state,
                null,
                null,
                null);
    }

    @Test
    void configFilesComeFromTheContainersLabelsEachFileOnce() {
        List<ContainerRecord> all = List.of(
                labelled(
                        "shop-web-1",
                        "shop",
                        ContainerState.RUNNING,
                        "/srv/shop/compose.yaml,/srv/shop/compose.override.yaml"),
                labelled(
                        "shop-db-1",
                        "shop",
                        ContainerState.RUNNING,
                        "/srv/shop/compose.yaml,/srv/shop/compose.override.yaml"),
                labelled("shop-api-1", "shop", ContainerState.EXITED, "/srv/shop/compose.yaml"),
                labelled("blog-web-1", "blog", ContainerState.RUNNING, "/home/me/blog/docker-compose.yml"),
                record("legacy", ContainerState.RUNNING));
        assertThat(LsFormatter.table(LsCommand.projects(all, false))).isEqualTo("""
                NAME      STATUS                  CONFIG FILES
                blog      running(1)              /home/me/blog/docker-compose.yml
                legacy    running(1)             \s
                shop      exited(1), running(2)   /srv/shop/compose.yaml,/srv/shop/compose.override.yaml
                """);
        assertThat(LsFormatter.json(LsCommand.projects(all, false)))
                .isEqualTo("[{\"Name\":\"blog\",\"Status\":\"running(1)\","
                        + "\"ConfigFiles\":\"/home/me/blog/docker-compose.yml\"},{\"Name\":\"legacy\",\"Status\":\"running(1)\","
                        + "\"ConfigFiles\":\"\"},{\"Name\":\"shop\",\"Status\":\"exited(1), running(2)\",\"ConfigFiles\":"
                        + "\"/srv/shop/compose.yaml,/srv/shop/compose.override.yaml\"}]\n");
    }
}
