package dev.jcompose.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.fixtures.ComposeStack;
import dev.jcompose.junit.ComposeTest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The quickstart stack as a test fixture: started (healthy) before the class, on a free host port,
 * under a project of its own; taken down with its volume after the class.
 */
@Tag("root")
@ComposeTest(files = "../compose-samples/quickstart/compose.yaml")
class QuickstartOverHttpExampleTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theFrontAnswersThroughTheApiAndTheStore(ComposeStack stack) throws Exception {
        InetSocketAddress front = stack.endpoint("front", 8080);
        HttpResponse<String> hello = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://" + front.getHostString() + ":" + front.getPort() + "/cgi-bin/hello"))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(hello.statusCode()).isEqualTo(200);
        assertThat(hello.body())
                .contains("counted by the store at " + stack.ip("store").getHostAddress());
    }

    @Test
    void eachClassHasAProjectOfItsOwn(ComposeStack stack) {
        assertThat(stack.projectName()).startsWith("quickstartoverhttpexampletest-");
        assertThat(stack.containers()).extracting(c -> c.service()).containsExactly("api", "front", "store");
    }
}
