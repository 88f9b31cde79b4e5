package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.console.LsFormatter;
import dev.jcompose.container.ContainerRecord;
import dev.jcompose.container.ContainerState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LsCommandTest {
    static ContainerRecord record(String project, ContainerState state) {
        return new ContainerRecord("id", "n", project == null ? Map.of() : Map.of("com.docker.compose.project", project),
                "", null, null, null, "", "runc", "/usr/bin/runc", Instant.EPOCH, state, null, null, null);
    }

    @Test
    void projectsByNameWithStateCounts() {
        List<ContainerRecord> all = List.of(record("shop", ContainerState.RUNNING), record("shop", ContainerState.EXITED),
                record("shop", ContainerState.RUNNING), record("old", ContainerState.EXITED), record(null, ContainerState.RUNNING));
        assertThat(LsFormatter.table(LsCommand.projects(all, false))).isEqualTo("""
                NAME      STATUS                  CONFIG FILES
                shop      exited(1), running(2)  \s
                """);
        assertThat(LsFormatter.quiet(LsCommand.projects(all, true))).isEqualTo("old\nshop\n");
    }
}
