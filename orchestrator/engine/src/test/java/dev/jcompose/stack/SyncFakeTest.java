package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.api.DownOptions;
import dev.jcompose.api.FileSync;
import dev.jcompose.api.StackException;
import dev.jcompose.api.UpOptions;
import dev.jcompose.container.ContainerRecord;
import dev.jcompose.model.Project;
import dev.jcompose.observe.Labels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * watch's sync writes into every running container of the service through its root file system:
 * files with their mode, directories, deletions; a symlink in the container never leads the write
 * out of it, and a symlink in the file's place is replaced, not written through.
 */
class SyncFakeTest {
    private static Project project(FakeStackFixture fx) throws Exception {
        Path dir = Files.createDirectories(fx.dir().resolve("dev"));
        int uid = (int) Files.getAttribute(dir, "unix:uid");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app:
                    image: busybox:1.36
                    user: "%d"
                    scale: 2
                    command: ["sleep", "300"]
                    stop_grace_period: 1s
                  db:
                    image: busybox:1.36
                    command: ["sleep", "300"]
                    stop_grace_period: 1s
                """.formatted(uid));
        return fx.load(dir, "dev", Map.of());
    }

    /** The service's containers' root file systems, made as the real runtime's mount would. */
    private static List<Path> roots(FakeStackFixture fx, String service) throws Exception {
        List<Path> out = new java.util.ArrayList<>();
        for (ContainerRecord r : fx.runtime.list()) {
            if (service.equals(r.labels().get(Labels.SERVICE))) {
                out.add(Files.createDirectories(r.rootfs().target()));
            }
        }
        return out;
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void down(FakeStackFixture fx, Project project) {
        fx.compose()
                .down("dev", Optional.of(project), new DownOptions(true, true, Duration.ofSeconds(1)), fx.listener());
    }

    @Test
    void filesDirectoriesAndDeletionsReachEveryContainerOfTheService() throws Exception {
        try (FakeStackFixture fx = new FakeStackFixture()) {
            Project project = project(fx);
            fx.compose().up(project, UpOptions.defaults(), fx.listener());
            List<Path> roots = roots(fx, "app");
            assertThat(roots).hasSize(2);
            for (Path root : roots) {
                Files.createDirectories(root.resolve("srv/old"));
                Files.writeString(root.resolve("srv/old/gone.txt"), "x");
                Files.writeString(root.resolve("srv/index.html"), "old");
            }
            fx.compose()
                    .sync(
                            "dev",
                            "app",
                            List.of(
                                    FileSync.delete("/srv/old"),
                                    FileSync.directory("/srv/new", 0750),
                                    FileSync.file("/srv/new/deep/run.sh", 0755, text("#!/bin/sh\n")),
                                    FileSync.file("/srv/index.html", 0644, text("new"))));
            for (Path root : roots) {
                assertThat(root.resolve("srv/old")).doesNotExist();
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("srv/new"))))
                        .isEqualTo("rwxr-x---");
                assertThat(root.resolve("srv/new/deep/run.sh")).hasContent("#!/bin/sh");
                assertThat(Files.isExecutable(root.resolve("srv/new/deep/run.sh")))
                        .isTrue();
                assertThat(root.resolve("srv/index.html")).hasContent("new");
                try (var left = Files.list(root.resolve("srv"))) {
                    assertThat(left.map(p -> p.getFileName().toString()))
                            .containsExactlyInAnyOrder("new", "index.html");
                }
            }
            assertThat(roots(fx, "db"))
                    .allSatisfy(r -> assertThat(r.resolve("srv")).doesNotExist());
            down(fx, project);
        }
    }

    @Test
    void symlinksInTheContainerCannotLeadTheWriteOutOfIt() throws Exception {
        try (FakeStackFixture fx = new FakeStackFixture()) {
            Project project = project(fx);
            fx.compose().up(project, UpOptions.defaults().withServices(List.of("db"), true), fx.listener());
            Path root = roots(fx, "db").get(0);
            Path outside = Files.createDirectories(fx.dir().resolve("outside"));
            Path secret = Files.writeString(outside.resolve("secret"), "host");
            // a directory link to the host's directory, as an absolute path and by climbing
            Files.createSymbolicLink(root.resolve("srv"), outside);
            Files.createSymbolicLink(root.resolve("up"), Path.of("../../../../../../../../outside"));
            // the file's own place is a link to a host file
            Files.createDirectories(root.resolve("etc"));
            Files.createSymbolicLink(root.resolve("etc/app.conf"), secret);

            fx.compose()
                    .sync(
                            "dev",
                            "db",
                            List.of(
                                    FileSync.file("/srv/secret", 0644, text("container")),
                                    FileSync.file("/up/secret", 0644, text("container")),
                                    FileSync.file("/etc/app.conf", 0644, text("container")),
                                    FileSync.file("/../../outside/secret", 0644, text("container")),
                                    FileSync.delete("/up")));

            assertThat(secret).hasContent("host");
            try (var files = Files.list(outside)) {
                assertThat(files).containsExactly(secret);
            }
            // resolved as the container sees them: inside its root
            assertThat(root.resolve(outside.toString().substring(1)).resolve("secret"))
                    .hasContent("container");
            assertThat(root.resolve("outside/secret")).hasContent("container");
            assertThat(Files.isSymbolicLink(root.resolve("etc/app.conf"))).isFalse();
            assertThat(root.resolve("etc/app.conf")).hasContent("container");
            assertThat(Files.exists(root.resolve("up"), LinkOption.NOFOLLOW_LINKS))
                    .isFalse();
            down(fx, project);
        }
    }

    @Test
    void aServiceWithoutARunningContainerIsAnError() throws Exception {
        try (FakeStackFixture fx = new FakeStackFixture()) {
            Project project = project(fx);
            fx.compose().up(project, UpOptions.defaults().withServices(List.of("db"), true), fx.listener());
            assertThatThrownBy(() -> fx.compose().sync("dev", "app", List.of(FileSync.delete("/x"))))
                    .isInstanceOf(StackException.class)
                    .hasMessage("service \"app\" has no running container in project dev to sync to");
            down(fx, project);
        }
    }
}
