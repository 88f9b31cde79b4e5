package dev.jcompose.image.testing;

import dev.jcompose.content.Digest;
import dev.jcompose.image.MediaTypes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Pushes test images with the distribution API: HEAD to skip existing blobs, a monolithic upload
 * (POST then PUT ?digest=), and a manifest PUT. Basic credentials are sent when given.
 */
final class RegistryPusher {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final java.util.function.Function<String, String> authorization;
    private String repo = "";

    /** {@code authorization} maps a repository to an Authorization header value, or null for none. */
    RegistryPusher(URI base, java.util.function.Function<String, String> authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    void push(String repo, String tag, TestImage image) {
        this.repo = repo;
        for (Map.Entry<Digest, byte[]> b : image.blobs().entrySet()) {
            if (!b.getKey().equals(image.manifestDigest())) {
                blob(repo, b.getKey(), b.getValue());
            }
        }
        manifest(repo, tag, MediaTypes.OCI_MANIFEST, image.manifest());
    }

    void push(String repo, String tag, TestIndex index) {
        this.repo = repo;
        for (TestImage i : index.images()) {
            push(repo, i.manifestDigest().toString(), i);
        }
        manifest(repo, tag, MediaTypes.OCI_INDEX, index.bytes());
    }

    void blob(String repo, Digest digest, byte[] data) {
        URI blobUri = URI.create(base + "/v2/" + repo + "/blobs/" + digest);
        if (send(request(blobUri).method("HEAD", HttpRequest.BodyPublishers.noBody()))
                        .statusCode()
                == 200) {
            return;
        }
        HttpResponse<String> started = send(request(URI.create(base + "/v2/" + repo + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        expect(started, 202, "start upload of " + digest);
        String location = started.headers().firstValue("Location").orElseThrow();
        URI put = base.resolve(location + (location.contains("?") ? "&" : "?") + "digest=" + digest);
        expect(
                send(request(put)
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(data))),
                201,
                "upload of " + digest);
    }

    void manifest(String repo, String reference, String mediaType, byte[] data) {
        expect(
                send(request(URI.create(base + "/v2/" + repo + "/manifests/" + reference))
                        .header("Content-Type", mediaType)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(data))),
                201,
                "manifest " + repo + ":" + reference);
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        String auth = authorization.apply(repo);
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("push to " + base + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void expect(HttpResponse<String> r, int code, String what) {
        if (r.statusCode() != code) {
            throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }
}
