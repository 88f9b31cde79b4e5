package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.host.HostPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerFilesTest {
    @TempDir
    Path tmp;

    @Test
    void extrasRoundTrip() {
        ContainerFiles files = new ContainerFiles(new StackPaths(new HostPaths(tmp.resolve("d"), tmp.resolve("r"))));
        ContainerExtras x = new ContainerExtras(
                "shop",
                "web",
                List.of("CMD-SHELL", "true"),
                Duration.ofSeconds(5),
                Duration.ofSeconds(2),
                3,
                Duration.ZERO,
                null,
                "on-failure:2",
                List.of("0123abcd"),
                "busybox:1.36",
                List.of());
        files.saveExtras("c1", x);
        assertThat(files.extras("c1")).contains(x);
    }

    /** An engine before this one also kept the whole create request in the file: an adopting engine ignores it. */
    @Test
    void extrasWrittenWithTheCreateRequestStillRead() throws Exception {
        StackPaths paths = new StackPaths(new HostPaths(tmp.resolve("d"), tmp.resolve("r")));
        Files.createDirectories(paths.containerDir("c1"));
        Files.writeString(paths.containerDir("c1").resolve("extras.json"), """
                {"request":{"id":"c1","name":"shop-web-1","labels":{"a":"b"},"spec":{"args":["sh"]}},
                 "project":"shop","service":"web","healthArgv":null,"healthInterval":null,
                 "healthTimeout":null,"healthRetries":0,"healthStartPeriod":null,"healthStartInterval":null,
                 "restart":"always","anonymousVolumes":["v1"],"imageReference":"busybox:1.36"}
                """);
        ContainerExtras read = new ContainerFiles(paths).extras("c1").orElseThrow();
        assertThat(read.project()).isEqualTo("shop");
        assertThat(read.restart()).isEqualTo("always");
        assertThat(read.anonymousVolumes()).containsExactly("v1");
        assertThat(read.imageReference()).isEqualTo("busybox:1.36");
    }
}
