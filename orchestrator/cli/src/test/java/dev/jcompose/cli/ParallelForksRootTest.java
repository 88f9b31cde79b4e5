package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Four test JVMs, each running two {@code @ComposeTest} classes concurrently, all on one compose file
 * with a fixed host port ({@code "8080:80"}) and a fixed {@code container_name}: eight projects, all
 * green, each answering on its own port with its own {@code db}, and none left afterwards.
 */
@Tag("root")
class ParallelForksRootTest {
    static final int FORKS = 4;

    static final String STACK = """
            services:
              web:
                image: busybox:1.36
                init: true
                container_name: fixed-web
                command: ["sh", "-c", "mkdir -p /www && hostname -i > /www/index.html && exec httpd -f -p 80 -h /www"]
                ports: ["8080:80"]
              db:
                image: busybox:1.36
                init: true
                command: ["sleep", "infinity"]
                environment:
                  WHO: ${WHO:-nobody}
            """;

    @Test
    void fourForksOfTwoClassesOnOneFileAreEightGreenProjects() throws Exception {
        EngineSandbox.isolated(box -> {
            Files.writeString(box.app().resolve("compose.yaml"), STACK);
            Path projects = box.dir.resolve("projects.txt");
            List<Process> forks = new ArrayList<>();
            for (int i = 0; i < FORKS; i++) {
                forks.add(fork(box, projects, i));
            }
            for (int i = 0; i < FORKS; i++) {
                Process fork = forks.get(i);
                assertThat(fork.waitFor(5, TimeUnit.MINUTES))
                        .as("fork " + i + " finished")
                        .isTrue();
                assertThat(fork.exitValue())
                        .as("fork " + i + ":\\n" + Files.readString(box.dir.resolve("fork-" + i + ".log")))
                        .isZero();
            }
            List<String> names = Files.readAllLines(projects);
            names.forEach(box::track);
            assertThat(names).hasSize(2 * FORKS).doesNotHaveDuplicates();
            for (String project : names) {
                assertThat(box.ps(project))
                        .as(project + " was taken down after its class")
                        .isEmpty();
                assertThat(box.dir.resolve("data/leases/" + project + ".json")).doesNotExist();
            }
        });
    }

    private static Process fork(EngineSandbox box, Path projects, int index) throws IOException {
        List<String> argv = List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-D" + ParallelStacks.PROJECTS_PROPERTY + "=" + projects,
                "-cp",
                System.getProperty("java.class.path"),
                ParallelFork.class.getName());
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(box.variables());
        ProcessBuilder pb = new ProcessBuilder(argv)
                .directory(box.app().toFile())
                .redirectErrorStream(true)
                .redirectOutput(box.dir.resolve("fork-" + index + ".log").toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        return pb.start();
    }
}
