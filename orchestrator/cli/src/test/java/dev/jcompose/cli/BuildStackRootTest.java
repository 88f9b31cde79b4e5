package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A dev stack with a built app and a database, through the CLI and the engine: {@code up --build}
 * from scratch builds the app's image (multi-stage, .dockerignore) and starts both; a second
 * {@code up --build} with nothing changed is all cached and recreates nothing; a changed source file
 * rebuilds the app from the step that reads it and recreates the app alone; a failing RUN fails
 * {@code build} with the Dockerfile's line, the exit code and the step's output.
 */
@Tag("root")
class BuildStackRootTest {
    private static final String DOCKERFILE = """
            FROM busybox:1.36 AS assets
            ARG GREETING=hi
            WORKDIR /src
            COPY www/ ./www/
            RUN sed -i "s/@GREETING@/${GREETING}/" www/index.html

            FROM busybox:1.36
            COPY --from=assets /src/www /var/www
            CMD ["httpd", "-f", "-p", "8080", "-h", "/var/www"]
            """;

    @Test
    void upBuildRebuildsAndRecreatesOnlyTheChangedService() throws Exception {
        EngineSandbox.isolated(box -> {
            String project = box.track("dev" + box.tag);
            Path app = Files.createDirectories(box.app().resolve("app/www"));
            Files.writeString(app.resolve("index.html"), "<p>@GREETING@ v1</p>\n");
            Files.writeString(app.resolve("notes.swp"), "editor junk\n");
            Files.writeString(box.app().resolve("app/Dockerfile"), DOCKERFILE);
            Files.writeString(box.app().resolve("app/.dockerignore"), "**/*.swp\n");
            Files.writeString(box.app().resolve("compose.yaml"), """
                    services:
                      app:
                        build:
                          context: ./app
                          args: {GREETING: hello}
                        depends_on: [db]
                      db:
                        image: busybox:1.36
                        command: ["sleep", "3600"]
                        stop_grace_period: 1s
                    """);
            box.cli("-p", project, "--progress", "plain", "up", "--build", "-d", "--wait")
                    .assertOk("up --build");
            assertThat(cat(box, project)).isEqualTo("<p>hello v1</p>");
            assertThat(box.cli("-p", project, "exec", "app", "ls", "/var/www").out())
                    .doesNotContain("notes.swp");
            Map<String, String> first = ids(box, project);

            EngineSandbox.Run again = box.cli("-p", project, "--progress", "plain", "up", "--build", "-d", "--wait");
            again.assertOk("second up --build");
            assertThat(again.err()).contains("Cached").doesNotContain("Recreate");
            assertThat(ids(box, project)).isEqualTo(first);

            Files.writeString(app.resolve("index.html"), "<p>@GREETING@ v2</p>\n");
            box.cli("-p", project, "--progress", "plain", "up", "--build", "-d", "--wait")
                    .assertOk("up --build after a change");
            Map<String, String> after = ids(box, project);
            assertThat(after.get("db")).as("the database is left alone").isEqualTo(first.get("db"));
            assertThat(after.get("app")).as("the app is recreated").isNotEqualTo(first.get("app"));
            assertThat(cat(box, project)).isEqualTo("<p>hello v2</p>");

            Files.writeString(
                    box.app().resolve("app/Dockerfile"), DOCKERFILE + "RUN echo failing on purpose && exit 7\n");
            EngineSandbox.Run failed = box.cli("-p", project, "--progress", "plain", "build", "app");
            assertThat(failed.exit()).isNotZero();
            assertThat(failed.err())
                    .contains("Dockerfile:10: RUN: process \"/bin/sh -c echo failing on purpose && exit 7\"")
                    .contains("exit code: 7")
                    .contains("failing on purpose");
            box.cli("-p", project, "down", "-v", "-t", "1").assertOk("down");
        });
    }

    private static String cat(EngineSandbox box, String project) {
        return box.cli("-p", project, "exec", "app", "cat", "/var/www/index.html")
                .assertOk("exec cat")
                .out()
                .strip();
    }

    /** Service to container id. */
    private static Map<String, String> ids(EngineSandbox box, String project) {
        return box.ps(project).stream()
                .collect(Collectors.toMap(c -> c.name().replaceAll("^" + project + "-(.*)-1$", "$1"), c -> c.id()));
    }
}
