package dev.jcompose.image.testing;

import com.sun.net.httpserver.HttpExchange;
import dev.jcompose.content.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The push side of {@link FakeRegistry}: which repository links which blob ({@code HEAD}), upload
 * sessions ({@code POST uploads/}, optionally mounting from another repository, then {@code PUT
 * ?digest=} verified against the bytes), and refusals a test scripts ({@code DENIED} and the like).
 */
final class FakeUploads {
    record Refusal(int status, String code) {}

    private final Map<Digest, byte[]> blobs;
    private final Map<String, Set<Digest>> links = new ConcurrentHashMap<>();
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final Map<String, Refusal> refusals = new ConcurrentHashMap<>();
    private final AtomicInteger sessionSeq = new AtomicInteger();
    volatile String locationBase = "";

    FakeUploads(Map<Digest, byte[]> blobs) {
        this.blobs = blobs;
    }

    void link(String repo, Digest digest) {
        links.computeIfAbsent(repo, r -> ConcurrentHashMap.newKeySet()).add(digest);
    }

    boolean linked(String repo, Digest digest) {
        return links.getOrDefault(repo, Set.of()).contains(digest);
    }

    /** Requests of {@code kind} ("blob upload", "manifest") to {@code repo} get {@code status} and {@code code}. */
    void refuse(String repo, String kind, int status, String code) {
        refusals.put(repo + " " + kind, new Refusal(status, code));
    }

    /** Answers a push request, or returns false when it is none (a pull request). */
    boolean handle(HttpExchange ex, String repo, String rest) throws IOException {
        String method = ex.getRequestMethod();
        if (method.equals("HEAD") && rest.startsWith("blobs/")) {
            Digest d = Digest.parse(rest.substring(6));
            ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
            ex.sendResponseHeaders(linked(repo, d) ? 200 : 404, -1);
            ex.close();
            return true;
        }
        if (rest.startsWith("blobs/uploads/")) {
            if (refused(ex, repo + " blob upload")) {
                return true;
            }
            if (method.equals("POST")) {
                start(ex, repo);
            } else if (method.equals("PUT")) {
                finish(ex, rest.substring("blobs/uploads/".length()));
            } else {
                send(ex, 405, "UNSUPPORTED");
            }
            return true;
        }
        return false;
    }

    boolean refused(HttpExchange ex, String key) throws IOException {
        Refusal r = refusals.get(key);
        if (r == null) {
            return false;
        }
        send(ex, r.status(), r.code());
        return true;
    }

    private void start(HttpExchange ex, String repo) throws IOException {
        Map<String, String> q = FakeRegistry.query(ex);
        String mount = q.get("mount");
        String from = q.get("from");
        if (mount != null && from != null && linked(from, Digest.parse(mount))) {
            link(repo, Digest.parse(mount));
            ex.getResponseHeaders().add("Location", "/v2/" + repo + "/blobs/" + mount);
            ex.sendResponseHeaders(201, -1);
            ex.close();
            return;
        }
        String id = "u" + sessionSeq.incrementAndGet();
        sessions.put(id, repo);
        ex.getResponseHeaders()
                .add("Location", locationBase + "/v2/" + repo + "/blobs/uploads/" + id + "?_state=s" + id);
        ex.sendResponseHeaders(202, -1);
        ex.close();
    }

    private void finish(HttpExchange ex, String id) throws IOException {
        String repo = sessions.remove(id);
        byte[] data;
        try (InputStream in = ex.getRequestBody()) {
            data = in.readAllBytes();
        }
        Map<String, String> q = FakeRegistry.query(ex);
        if (repo == null || !("s" + id).equals(q.get("_state"))) {
            send(ex, 404, "BLOB_UPLOAD_UNKNOWN");
            return;
        }
        String digest = q.get("digest");
        Digest expected = digest == null ? null : Digest.parse(digest);
        if (!Digest.sha256(data).equals(expected)) {
            send(ex, 400, "DIGEST_INVALID");
            return;
        }
        blobs.put(expected, data);
        link(repo, expected);
        ex.getResponseHeaders().add("Location", "/v2/" + repo + "/blobs/" + expected);
        ex.getResponseHeaders().add("Docker-Content-Digest", expected.toString());
        ex.sendResponseHeaders(201, -1);
        ex.close();
    }

    static void send(HttpExchange ex, int status, String code) throws IOException {
        byte[] body = ("{\"errors\":[{\"code\":\"" + code + "\",\"message\":\""
                        + code.toLowerCase().replace('_', ' ') + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
