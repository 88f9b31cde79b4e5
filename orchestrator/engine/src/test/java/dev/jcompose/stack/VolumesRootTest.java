package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.api.ContainerSummary;
import dev.jcompose.api.DownOptions;
import dev.jcompose.api.ExecOptions;
import dev.jcompose.api.ExecOutcome;
import dev.jcompose.api.UpOptions;
import dev.jcompose.image.testing.TestImages;
import dev.jcompose.model.Project;
import dev.jcompose.volume.Volume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Volumes as docker fills them: the image's content goes into a volume the first time it is mounted empty,
 * on this host; with {@link VolumesScenarios}, which run on the fake host too.
 */
@Tag("root")
class VolumesRootTest extends VolumesScenarios {
    @Override
    StackHost open() throws IOException {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        return new StackFixture();
    }

    private static Project write(StackFixture fx, String name, String yaml) throws Exception {
        Path dir = Files.createDirectories(fx.dir.resolve(name));
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        return fx.load(dir, name, Map.of());
    }

    private static String sh(StackFixture fx, String project, String service, String script) {
        ExecOutcome o = fx.compose.exec(project, ExecOptions.of(service, "sh", "-c", script));
        assertThat(o.exitCode()).as(o.stderr()).isZero();
        return o.stdout();
    }

    @Test
    void volumesStartWithTheImagesContentUnlessNocopy() throws Exception {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        try (StackFixture fx = new StackFixture()) {
            fx.loadImage(
                    "seeded:1",
                    TestImages.busybox()
                            .volume("/var/www")
                            .file("var/www/index.html", "from the image\n")
                            .file("home/app/profile", "profile\n")
                            .build());
            Project project = write(fx, "seed", """
                    services:
                      anon:
                        image: seeded:1
                        command: ["sleep", "300"]
                      named:
                        image: seeded:1
                        command: ["sleep", "300"]
                        volumes: [data:/home/app]
                      twin:
                        image: seeded:1
                        command: ["sleep", "300"]
                        volumes: [data:/home/app]
                      quiet:
                        image: seeded:1
                        command: ["sleep", "300"]
                        volumes:
                          - type: volume
                            source: quiet
                            target: /home/app
                            volume: {nocopy: true}
                    volumes:
                      data: {}
                      quiet: {}
                    """);
            String p = fx.project("seed");
            fx.compose.up(project, UpOptions.defaults(), fx.listener());
            assertThat(sh(fx, p, "anon", "cat /var/www/index.html; mount | grep -c ' /var/www '"))
                    .isEqualTo("from the image\n1\n");
            assertThat(sh(fx, p, "named", "cat /home/app/profile; echo mine > /home/app/written"))
                    .isEqualTo("profile\n");
            assertThat(sh(fx, p, "quiet", "ls -A /home/app")).isEmpty();

            List<String> firstAnonymous = anonymous(fx);
            assertThat(firstAnonymous).hasSize(4); // each service's /var/www (the image's VOLUME)
            fx.compose.down(p, Optional.of(project), KEEP_VOLUMES, fx.listener());
            fx.compose.up(project, UpOptions.defaults(), fx.listener());
            assertThat(sh(fx, p, "named", "cat /home/app/profile /home/app/written"))
                    .isEqualTo("profile\nmine\n");
            assertThat(sh(fx, p, "quiet", "ls -A /home/app")).isEmpty();

            fx.compose.down(p, Optional.of(project), REMOVE_VOLUMES, fx.listener());
            // as with docker, down -v removes the anonymous volumes of the containers it removes; those the
            // first down left behind (without -v) stay dangling
            assertThat(fx.stack.volumes.list())
                    .extracting(Volume::name)
                    .containsExactlyInAnyOrderElementsOf(firstAnonymous);
            firstAnonymous.forEach(fx.stack.volumes::remove);
        }
    }

    @Test
    void downRmiAllRemovesTheProjectsImagesButNotOneAnotherContainerUses() throws Exception {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        try (StackFixture fx = new StackFixture()) {
            fx.loadImage("tool:1", TestImages.busybox().env("TOOL=1").build());
            Project project = write(fx, "rmi", """
                    services:
                      tool:
                        image: tool:1
                        command: ["sleep", "300"]
                      shared:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                    """);
            Project other = write(fx, "other", """
                    services:
                      keep:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                    """);
            String p = fx.project("rmi");
            fx.compose.up(project, UpOptions.defaults(), fx.listener());
            fx.compose.up(other, UpOptions.defaults(), fx.listener());
            fx.events.clear();

            fx.compose.down(
                    p,
                    Optional.of(project),
                    new DownOptions(false, false, Duration.ofSeconds(1), "all"),
                    fx.listener());
            assertThat(fx.rendered())
                    .filteredOn(e -> e.startsWith("Image "))
                    .containsExactly(
                            "Image busybox:1.36 Warning Resource is still in use (by " + fx.project("other")
                                    + "-keep-1)",
                            "Image tool:1 Removing",
                            "Image tool:1 Removed");
            assertThat(fx.stack.hostImages.list())
                    .extracting(dev.jcompose.image.ImageRecord::name)
                    .containsExactly("docker.io/library/busybox:1.36");

            fx.compose.down(
                    fx.project("other"),
                    Optional.of(other),
                    new DownOptions(false, false, Duration.ofSeconds(1), "local"),
                    fx.listener());
            assertThat(fx.stack.hostImages.list())
                    .extracting(dev.jcompose.image.ImageRecord::name)
                    .containsExactly("docker.io/library/busybox:1.36");
        }
    }

    @Test
    void aRecordTheOciRuntimeNeverCreatedIsReapedWithItsVolumes() throws Exception {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        try (StackFixture fx = new StackFixture()) {
            Project project = write(fx, "cutrt", """
                    services:
                      web:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        volumes: [/scratch]
                    """);
            String p = fx.project("cutrt");
            fx.compose.up(
                    project,
                    new UpOptions(List.of(), false, false, false, false, null, null, true, false, null, null),
                    fx.listener());
            var rec = fx.stack.runtime.list().getFirst();
            // what an engine killed inside the runtime's create leaves: the record, and no runtime container
            Path state = fx.paths.runRoot().resolve("containers").resolve(rec.id());
            long conmon =
                    Long.parseLong(Files.readString(state.resolve("conmon.pid")).strip());
            ProcessHandle.of(conmon).ifPresent(ProcessHandle::destroyForcibly);
            StackFixture.await(
                    "conmon gone",
                    Duration.ofSeconds(10),
                    () -> ProcessHandle.of(conmon).isEmpty());
            Process delete = new ProcessBuilder(
                            rec.runtimePath(),
                            "--root",
                            fx.paths.runRoot().resolve(rec.runtimeName()).toString(),
                            "delete",
                            "--force",
                            rec.id())
                    .redirectErrorStream(true)
                    .start();
            assertThat(delete.waitFor())
                    .as(new String(delete.getInputStream().readAllBytes()))
                    .isZero();
            assertThat(fx.stack.runtime.inspect(rec.id()))
                    .extracting(r -> r.state(), r -> r.started(), r -> r.exitCode())
                    .containsExactly(dev.jcompose.state.ContainerState.EXITED, null, null);

            fx.stack.reapHalfCreated();
            assertThat(fx.stack.runtime.list()).isEmpty();
            assertThat(fx.stack.volumes.list()).isEmpty();
            fx.compose.up(project, UpOptions.defaults(), fx.listener());
            assertThat(fx.compose.ps(p, false))
                    .extracting(ContainerSummary::status)
                    .containsExactly("running");
            fx.compose.down(p, Optional.of(project), REMOVE_VOLUMES, fx.listener());
        }
    }
}
