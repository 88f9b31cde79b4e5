package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.fixtures.ComposeStack;
import dev.jcompose.fixtures.ExecResult;
import dev.jcompose.junit.ComposeTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Two {@code @ComposeTest} classes on one file with a fixed host port and container_name, run by
 * {@link ParallelForksRootTest} in several JVMs at once (and concurrently within each): every class
 * gets a project of its own, answering on its own port, whose {@code db} is its own. Not run by
 * surefire itself (the names do not end in Test); {@code FORK} below is the forked JVM's entry point.
 */
final class ParallelStacks {
    private ParallelStacks() {}

    /** Where each class writes its project name: one line per class, shared by every fork. */
    static final String PROJECTS_PROPERTY = "jcompose.parallel.projects";

    static void check(ComposeStack stack) throws IOException, InterruptedException {
        Files.writeString(
                Path.of(System.getProperty(PROJECTS_PROPERTY)),
                stack.projectName() + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        InetSocketAddress web = stack.endpoint("web", 80);
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://" + web.getHostString() + ":" + web.getPort() + "/"))
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        // the page names the container that served it: this project's web, not another fork's
        assertThat(page.body()).contains(stack.ip("web").getHostAddress());
        ExecResult db = stack.exec("web", "nslookup", "db");
        assertThat(db.stdout()).contains("Address: " + stack.ip("db").getHostAddress());
    }

    @ComposeTest(files = "compose.yaml", env = "WHO=a")
    static final class StackA {
        @Test
        void ownsItsProject(ComposeStack stack) throws Exception {
            check(stack);
        }
    }

    @ComposeTest(files = "compose.yaml", env = "WHO=b")
    static final class StackB {
        @Test
        void ownsItsProject(ComposeStack stack) throws Exception {
            check(stack);
        }
    }
}
