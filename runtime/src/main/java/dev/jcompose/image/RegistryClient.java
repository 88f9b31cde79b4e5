package dev.jcompose.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.content.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Speaks the OCI distribution API to one endpoint: a registry or one of its mirrors.
 * Handles the {@code 401 WWW-Authenticate} dance (Bearer tokens from the realm, or Basic), caches
 * tokens per scope, and follows blob redirects without leaking credentials to another host.
 */
public final class RegistryClient {
    private static final int MAX_REDIRECTS = 5;
    /** containerd's limit for manifests and indexes. */
    static final int MAX_DOCUMENT = 4 * 1024 * 1024;

    private final HttpClient http;
    private final URI base;
    private final Optional<Credentials> credentials;
    private final Duration timeout;
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();

    public RegistryClient(HttpClient http, URI base, Optional<Credentials> credentials, Duration timeout) {
        this.http = http;
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.credentials = credentials;
        this.timeout = timeout;
    }

    public URI base() {
        return base;
    }

    /** A fetched manifest: raw bytes (their sha256 is the digest), the Content-Type and Docker-Content-Digest. */
    public record FetchedManifest(byte[] bytes, String contentType, Optional<String> announcedDigest) {}

    /** GET /v2/{repo}/manifests/{reference}. */
    public FetchedManifest manifest(String repo, String reference) {
        URI uri = URI.create(base + "/v2/" + repo + "/manifests/" + reference);
        HttpResponse<InputStream> r = send(
                repo, uri, Map.of("Accept", MediaTypes.MANIFEST_ACCEPT), HttpResponse.BodyHandlers.ofInputStream());
        byte[] body = limited(r, "manifest " + repo + ":" + reference);
        if (r.statusCode() != 200) {
            throw status(
                    "manifest " + repo + ":" + reference,
                    uri,
                    r.statusCode(),
                    new String(body, StandardCharsets.UTF_8));
        }
        return new FetchedManifest(
                body,
                r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Docker-Content-Digest"));
    }

    /**
     * Reads a small body (manifest, token, error) but no more than {@link #MAX_DOCUMENT} bytes: a hostile
     * or broken registry must not make jcompose buffer gigabytes.
     */
    private byte[] limited(HttpResponse<InputStream> r, String what) {
        try (InputStream in = r.body()) {
            byte[] b = in.readNBytes(MAX_DOCUMENT + 1);
            if (b.length > MAX_DOCUMENT) {
                throw new RegistryException(
                        what + " from " + base + " is larger than " + MAX_DOCUMENT / (1024 * 1024) + " MiB",
                        "this is not a container image manifest; check the reference");
            }
            return b;
        } catch (IOException e) {
            throw new RegistryException(
                    "reading " + what + " from " + base + ": " + e.getMessage(),
                    "retry; if it persists check the network to the registry",
                    e);
        }
    }

    /**
     * GET /v2/{repo}/blobs/{digest}, from byte {@code offset} on when above 0 (a {@code Range} request;
     * the caller checks for 206 and falls back to the full body on 200). The caller closes the body.
     */
    public HttpResponse<InputStream> blob(String repo, Digest digest, long offset) {
        URI uri = URI.create(base + "/v2/" + repo + "/blobs/" + digest);
        Map<String, String> headers = offset > 0 ? Map.of("Range", "bytes=" + offset + "-") : Map.of();
        return follow(
                send(repo, uri, headers, HttpResponse.BodyHandlers.ofInputStream()), repo, digest, uri, headers, 0);
    }

    private HttpResponse<InputStream> follow(
            HttpResponse<InputStream> r, String repo, Digest digest, URI uri, Map<String, String> headers, int hops) {
        if (!isRedirect(r.statusCode())) {
            return r;
        }
        closeQuietly(r.body());
        Optional<String> location = r.headers().firstValue("Location");
        if (hops >= MAX_REDIRECTS || location.isEmpty()) {
            throw status(
                    "blob " + digest,
                    uri,
                    r.statusCode(),
                    location.isEmpty() ? "redirect without Location" : "too many redirects");
        }
        URI next = uri.resolve(location.get());
        // Storage backends get no registry credentials: a redirect URL carries its own signature.
        return follow(
                exchange(
                        "GET",
                        next,
                        headers,
                        HttpRequest.BodyPublishers.noBody(),
                        sameOrigin(next, uri) ? authorizations.get(scope(repo)) : null,
                        HttpResponse.BodyHandlers.ofInputStream()),
                repo,
                digest,
                next,
                headers,
                hops + 1);
    }

    private static boolean isRedirect(int code) {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    /** Sends a GET with cached authorization; on 401 answers the challenge once and retries. */
    private <T> HttpResponse<T> send(String repo, URI uri, Map<String, String> headers, HttpResponse.BodyHandler<T> h) {
        return send(repo, scope(repo), "GET", uri, headers, HttpRequest.BodyPublishers.noBody(), h);
    }

    /**
     * Sends a request needing {@code scope} (space-separated scopes, as a token server takes them) with
     * its cached authorization; on 401 answers the challenge once and retries. {@code body} must be
     * replayable. Another origin than the registry's (an upload {@code Location} elsewhere) gets no
     * credentials.
     */
    <T> HttpResponse<T> send(
            String repo,
            String scope,
            String method,
            URI uri,
            Map<String, String> headers,
            HttpRequest.BodyPublisher body,
            HttpResponse.BodyHandler<T> h) {
        if (!sameOrigin(uri, base)) {
            return exchange(method, uri, headers, body, null, h);
        }
        HttpResponse<T> r = exchange(method, uri, headers, body, authorizations.get(scope), h);
        if (r.statusCode() != 401) {
            return r;
        }
        if (r.body() instanceof InputStream in) {
            closeQuietly(in);
        }
        String auth = answer(uri, r.headers().allValues("WWW-Authenticate"), scope);
        authorizations.put(scope, auth);
        HttpResponse<T> retried = exchange(method, uri, headers, body, auth, h);
        if (retried.statusCode() == 401 || retried.statusCode() == 403) {
            throw new RegistryException(
                    "access to " + repo + " at " + base + " denied (HTTP " + retried.statusCode()
                            + (credentials.isPresent()
                                    ? ") for user " + credentials.get().username()
                                    : ") without credentials"),
                    credentials.isPresent()
                            ? "check the user's permissions on the repository"
                            : "log in (`docker login " + base.getAuthority()
                                    + "`) so ~/.docker/config.json has credentials");
        }
        return retried;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getHost().equals(b.getHost()) && a.getPort() == b.getPort();
    }

    private String answer(URI uri, List<String> headerValues, String scope) {
        List<AuthChallenge> challenges = headerValues.stream()
                .flatMap(v -> AuthChallenge.parse(v).stream())
                .toList();
        for (AuthChallenge c : challenges) {
            if (c.scheme().equals("bearer") && !c.param("realm").isEmpty()) {
                return "Bearer " + token(c, scope);
            }
        }
        for (AuthChallenge c : challenges) {
            if (c.scheme().equals("basic")) {
                return credentials
                        .map(Credentials::basicHeader)
                        .orElseThrow(() -> new RegistryException(
                                base + " requires a login for " + uri.getPath(),
                                "log in (`docker login " + base.getAuthority()
                                        + "`) so ~/.docker/config.json has credentials"));
            }
        }
        throw new RegistryException(
                base + " answered 401 with no usable challenge " + headerValues,
                "the registry needs an authentication scheme jcompose does not support (Bearer and Basic are)");
    }

    private String token(AuthChallenge c, String scope) {
        StringBuilder q = new StringBuilder(c.param("realm"));
        q.append(c.param("realm").contains("?") ? '&' : '?');
        if (!c.param("service").isEmpty()) {
            q.append("service=").append(enc(c.param("service"))).append('&');
        }
        // A token server takes one scope parameter per scope; a challenge lists them space-separated.
        String scopes = c.param("scope").isEmpty() ? scope : c.param("scope");
        q.append(String.join(
                "&",
                java.util.Arrays.stream(scopes.trim().split(" +"))
                        .map(one -> "scope=" + enc(one))
                        .toList()));
        URI realm = URI.create(q.toString());
        HttpResponse<InputStream> r = exchange(
                "GET",
                realm,
                Map.of(),
                HttpRequest.BodyPublishers.noBody(),
                credentials.map(Credentials::basicHeader).orElse(null),
                HttpResponse.BodyHandlers.ofInputStream());
        byte[] body = limited(r, "token response");
        if (r.statusCode() != 200) {
            throw new RegistryException(
                    "token server " + realm.getScheme() + "://" + realm.getAuthority() + realm.getPath()
                            + " refused a token (HTTP " + r.statusCode() + ")",
                    credentials.isPresent()
                            ? "check the credentials in ~/.docker/config.json"
                            : "log in (`docker login`) so ~/.docker/config.json has credentials");
        }
        JsonNode n = Json.read(body, "token response from " + realm.getAuthority());
        String token = Json.text(n, "token").isEmpty() ? Json.text(n, "access_token") : Json.text(n, "token");
        if (token.isEmpty()) {
            throw new RegistryException(
                    "token server " + realm.getAuthority() + " returned no token", "the token server is misconfigured");
        }
        return token;
    }

    private <T> HttpResponse<T> exchange(
            String method,
            URI uri,
            Map<String, String> headers,
            HttpRequest.BodyPublisher body,
            String authorization,
            HttpResponse.BodyHandler<T> h) {
        // The request timeout runs until the response headers arrive, so an upload's includes sending its
        // body: allow a second per MiB on top (a 500 MiB layer gets 500 s more, at 1 MiB/s at worst).
        long length = body.contentLength();
        Duration limit = length > 0 ? timeout.plusSeconds(length >> 20) : timeout;
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(limit).method(method, body);
        headers.forEach(b::header);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            return http.send(b.build(), h);
        } catch (IOException e) {
            throw new RegistryException(
                    "cannot reach " + uri.getScheme() + "://" + uri.getAuthority() + ": " + e,
                    "check the registry address and your network; a plain-HTTP registry must be listed as insecure",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while talking to " + uri.getAuthority(), null, e);
        }
    }

    static String scope(String repo) {
        return "repository:" + repo + ":pull";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private RegistryException status(String what, URI uri, int code, String body) {
        String detail = body == null ? "" : body.strip();
        if (detail.length() > 200) {
            detail = detail.substring(0, 200) + "...";
        }
        return new RegistryException(
                what + ": HTTP " + code + " from " + uri.getScheme() + "://" + uri.getAuthority()
                        + (detail.isEmpty() ? "" : ": " + detail),
                code == 404
                        ? "check the image name and tag (and that you may see the repository)"
                        : "retry later; if it persists the registry is misbehaving");
    }

    static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Nothing to save: the response is being abandoned.
        }
    }
}
