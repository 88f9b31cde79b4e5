package dev.jcompose.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.fixtures.ComposeStack;
import dev.jcompose.junit.ComposeTest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A dev stack whose app image is built from its Dockerfile when the test starts (multi-stage, a build
 * argument, .dockerignore), next to PostgreSQL: the page the build rendered, and the app reaching
 * the database by name.
 */
@Tag("root")
@ComposeTest(files = "../compose-samples/dev-build/compose.yaml")
class DevBuildExampleTest {
    private static String get(ComposeStack stack, String path) throws Exception {
        InetSocketAddress app = stack.endpoint("app", 8080);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://" + app.getHostString() + ":" + app.getPort() + path))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    @Test
    void theBuiltPageCarriesTheBuildArgument(ComposeStack stack) throws Exception {
        assertThat(get(stack, "/")).contains("hello from a built image");
        assertThat(stack.exec("app", "ls", "-a", "/var/www").stdout())
                .as("the .dockerignore keeps editor files out, except the one it re-includes")
                .contains("keep.swp")
                .doesNotContain(".index.html.swp");
    }

    @Test
    void theAppReachesTheDatabaseByName(ComposeStack stack) throws Exception {
        assertThat(get(stack, "/cgi-bin/db")).contains("db reachable");
    }
}
