package dev.jcompose.image;

import dev.jcompose.content.ContentStore;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Puts one blob into a repository: {@code HEAD} (present: done), else a cross-repository mount
 * ({@code POST uploads/?mount=&from=}: 201 is done, 202 opens an ordinary upload), else a monolithic
 * upload ({@code POST uploads/} then {@code PUT <Location>?digest=} with the whole blob). A
 * {@code Location} may be relative or absolute; one on another host gets no credentials.
 */
final class BlobUpload {
    private final RegistryClient client;
    private final String repo;
    private final ContentStore content;
    private final PushListener listener;

    BlobUpload(RegistryClient client, String repo, ContentStore content, PushListener listener) {
        this.client = client;
        this.repo = repo;
        this.content = content;
        this.listener = listener;
    }

    static String pushScope(String repo) {
        return "repository:" + repo + ":pull,push";
    }

    void push(Descriptor blob, Optional<String> mountFrom) {
        if (exists(blob)) {
            listener.alreadyExists(blob);
            return;
        }
        Optional<URI> session = Optional.empty();
        if (mountFrom.isPresent()) {
            session = mount(blob, mountFrom.get());
            if (session.isEmpty()) {
                listener.mounted(blob, mountFrom.get());
                return;
            }
        }
        URI location = session.isPresent() ? session.get() : start(blob);
        listener.pushing(blob);
        upload(blob, location);
        listener.pushed(blob);
    }

    private boolean exists(Descriptor blob) {
        HttpResponse<byte[]> r = send(
                "HEAD",
                pushScope(repo),
                URI.create(client.base() + "/v2/" + repo + "/blobs/" + blob.digest()),
                Map.of(),
                HttpRequest.BodyPublishers.noBody());
        if (r.statusCode() == 200) {
            return true;
        }
        if (r.statusCode() == 404) {
            return false;
        }
        throw RegistryErrors.push("checking " + kind(blob) + " " + blob.digest(), client.base(), r.statusCode(), null);
    }

    /** Empty when the registry mounted the blob; else the upload session it opened instead. */
    private Optional<URI> mount(Descriptor blob, String from) {
        URI uri = URI.create(client.base() + "/v2/" + repo + "/blobs/uploads/?mount="
                + enc(blob.digest().toString()) + "&from=" + enc(from));
        HttpResponse<byte[]> r;
        try {
            r = send("POST", pushScope(repo) + " " + RegistryClient.scope(from), uri, Map.of(), noBody());
        } catch (RegistryException refused) {
            return Optional.of(start(blob)); // no access to the source repository: upload the blob instead
        }
        if (r.statusCode() == 201) {
            return Optional.empty();
        }
        if (r.statusCode() == 202) {
            return Optional.of(location(uri, r, blob));
        }
        return Optional.of(start(blob));
    }

    private URI start(Descriptor blob) {
        URI uri = URI.create(client.base() + "/v2/" + repo + "/blobs/uploads/");
        HttpResponse<byte[]> r = send("POST", pushScope(repo), uri, Map.of(), noBody());
        if (r.statusCode() != 202) {
            throw RegistryErrors.push(
                    "starting the upload of " + kind(blob) + " " + blob.digest(),
                    client.base(),
                    r.statusCode(),
                    r.body());
        }
        return location(uri, r, blob);
    }

    private void upload(Descriptor blob, URI location) {
        String sep = location.getRawQuery() == null ? "?" : "&";
        URI put = URI.create(location + sep + "digest=" + enc(blob.digest().toString()));
        Path file = content.require(blob.digest());
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> counting(file, blob)), blob.size());
        HttpResponse<byte[]> r =
                send("PUT", pushScope(repo), put, Map.of("Content-Type", "application/octet-stream"), body);
        if (r.statusCode() != 201) {
            throw RegistryErrors.push(
                    "uploading " + kind(blob) + " " + blob.digest(), client.base(), r.statusCode(), r.body());
        }
    }

    private URI location(URI request, HttpResponse<byte[]> r, Descriptor blob) {
        return r.headers()
                .firstValue("Location")
                .map(request::resolve)
                .orElseThrow(() -> new RegistryException(
                        "the registry " + client.base() + " opened an upload for " + blob.digest()
                                + " without a Location",
                        "the registry is misbehaving; check its version"));
    }

    private InputStream counting(Path file, Descriptor blob) {
        try {
            return new FilterInputStream(Files.newInputStream(file)) {
                private long done;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        done += n;
                        listener.progress(blob, done, blob.size());
                    }
                    return n;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob " + blob.digest() + " from the content store", e);
        }
    }

    private HttpResponse<byte[]> send(
            String method, String scope, URI uri, Map<String, String> headers, HttpRequest.BodyPublisher body) {
        return client.send(repo, scope, method, uri, headers, body, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest.BodyPublisher noBody() {
        return HttpRequest.BodyPublishers.noBody();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String kind(Descriptor blob) {
        return MediaTypes.LAYERS.contains(blob.mediaType()) ? "layer" : "config";
    }
}
