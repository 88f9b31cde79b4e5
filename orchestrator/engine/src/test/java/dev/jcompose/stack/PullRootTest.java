package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.api.DownOptions;
import dev.jcompose.api.ExecOptions;
import dev.jcompose.api.UpOptions;
import dev.jcompose.image.testing.FakeRegistry;
import dev.jcompose.image.testing.TestImages;
import dev.jcompose.model.Project;
import dev.jcompose.policy.PullPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The image phase: a missing image is pulled (from a registry on 127.0.0.1), a pulled update recreates. */
@Tag("root")
class PullRootTest {
    @Test
    void upPullsMissingImagesAndRecreatesWhenAPullBringsANewOne() throws Exception {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        try (FakeRegistry registry = new FakeRegistry();
                StackFixture fx = new StackFixture(true)) {
            registry.add(
                    "app/web",
                    "1",
                    TestImages.busybox().cmd("sleep", "300").env("V=1").build());
            String ref = registry.host() + "/app/web:1";
            Path dir = Files.createDirectories(fx.dir.resolve("pull"));
            Files.writeString(
                    dir.resolve("compose.yaml"),
                    "services:\n  web:\n    image: " + ref + "\n" + "  pub:\n    image: " + ref
                            + "\n    ports: [\"127.0.0.1::80\"]\n");
            Project project = fx.load(dir, "pull", Map.of());
            String p = fx.project("pull");

            fx.compose.up(project, UpOptions.defaults(), fx.listener());
            assertThat(fx.rendered())
                    .contains(
                            "Image " + ref + " Pulling",
                            "Image " + ref + " Pulled",
                            "Container " + p + "-web-1 Started");
            assertThat(fx.compose
                            .exec(p, ExecOptions.of("web", "sh", "-c", "echo $V"))
                            .stdout())
                    .isEqualTo("1\n");

            registry.add(
                    "app/web",
                    "1",
                    TestImages.busybox().cmd("sleep", "300").env("V=2").build());
            fx.events.clear();
            fx.compose.up(project, UpOptions.defaults(), fx.listener());
            assertThat(fx.rendered()).isEmpty();

            UpOptions pullAlways = new UpOptions(
                    List.of(),
                    false,
                    false,
                    false,
                    false,
                    null,
                    PullPolicy.ALWAYS,
                    false,
                    false,
                    null,
                    Duration.ofSeconds(1));
            fx.compose.up(project, pullAlways, fx.listener());
            assertThat(fx.rendered())
                    .contains(
                            "Image " + ref + " Pulled",
                            "Container " + p + "-web-1 Recreated",
                            "Container " + p + "-pub-1 Recreated");
            assertThat(fx.compose
                            .exec(p, ExecOptions.of("pub", "sh", "-c", "echo $V"))
                            .stdout())
                    .isEqualTo("2\n");
            assertThat(fx.compose
                            .exec(p, ExecOptions.of("web", "sh", "-c", "echo $V"))
                            .stdout())
                    .isEqualTo("2\n");
            assertThat(fx.compose.images(p, List.of()))
                    .extracting(i -> i.container() + " " + i.reference())
                    .containsExactly(p + "-pub-1 " + ref, p + "-web-1 " + ref);

            fx.compose.down(
                    p, Optional.of(project), new DownOptions(false, false, Duration.ofSeconds(1)), fx.listener());
            assertThat(fx.compose.ps(p, true)).isEmpty();
        }
    }
}
