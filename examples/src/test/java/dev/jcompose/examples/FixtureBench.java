package dev.jcompose.examples;

import dev.jcompose.fixtures.ComposeFixture;
import dev.jcompose.fixtures.ComposeStack;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code bench/fixture.sh}'s Java half (not a test): {@code FixtureBench <compose file> <N>} times, in
 * one JVM, N fixture starts of the stack until its front answers over HTTP (then close), and N
 * starts of a reused stack (the first, uncounted, creates it). Prints one line per measure, in ms.
 */
public final class FixtureBench {
    private FixtureBench() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.remove("CI"); // a benchmark may reuse; CI's refusal is for tests
        HttpClient http = HttpClient.newHttpClient();
        Supplier<ComposeFixture> fresh = () -> ComposeFixture.of(file)
                .projectPrefix("bench")
                .ephemeralHostPorts()
                .processEnvironment(env);
        answered(fresh.get().start(), http).close(); // warm-up: the engine, the JIT, the image snapshot
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            ComposeStack stack = answered(fresh.get().start(), http);
            starts.add((System.nanoTime() - t0) / 1_000_000);
            stack.close();
        }
        ComposeStack created = answered(fresh.get().reuse(true).start(), http);
        List<Long> reused = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            ComposeStack stack = answered(fresh.get().reuse(true).start(), http);
            reused.add((System.nanoTime() - t0) / 1_000_000);
            stack.close();
        }
        System.out.println("fixture start() until the front answers: " + stats(starts));
        System.out.println("fixture start() of a reused stack       : " + stats(reused));
        // a reused stack outlives close(): bench/fixture.sh takes it down by this name
        System.out.println("reused project: " + created.projectName());
    }

    private static ComposeStack answered(ComposeStack stack, HttpClient http) throws Exception {
        InetSocketAddress front = stack.endpoint("front", 8080);
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://" + front.getHostString() + ":" + front.getPort() + "/cgi-bin/hello"))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the front answered " + r.statusCode());
        }
        return stack;
    }

    private static String stats(List<Long> ms) {
        List<Long> sorted = ms.stream().sorted().toList();
        return "median " + sorted.get((sorted.size() - 1) / 2) + " ms, min " + sorted.get(0) + " ms (n=" + sorted.size()
                + ")";
    }
}
