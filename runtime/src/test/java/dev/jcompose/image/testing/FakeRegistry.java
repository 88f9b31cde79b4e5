package dev.jcompose.image.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jcompose.content.Digest;
import dev.jcompose.image.Credentials;
import dev.jcompose.image.MediaTypes;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scriptable registry on 127.0.0.1 (com.sun.net.httpserver) for the failures a real one will not
 * produce on demand: corrupted blobs, connections cut mid-blob, Range support on or off, and a
 * Bearer token realm. Every request is logged as {@code METHOD path [Range: ...]}.
 */
public final class FakeRegistry implements AutoCloseable {
    private record Manifest(String mediaType, byte[] bytes) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Manifest> manifests = new ConcurrentHashMap<>();
    private final Map<Digest, byte[]> blobs = new ConcurrentHashMap<>();
    private final FakeUploads uploads = new FakeUploads(blobs);
    private final Map<Digest, byte[]> corrupted = new ConcurrentHashMap<>();
    private final Map<Digest, Integer> cutAfter = new ConcurrentHashMap<>();
    private final Map<Digest, AtomicInteger> cutsLeft = new ConcurrentHashMap<>();
    private final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile boolean ranges = true;
    private volatile URI redirectBlobsTo;
    private final java.util.concurrent.CountDownLatch unstall = new java.util.concurrent.CountDownLatch(1);
    private volatile Digest stallOn;
    private volatile Credentials tokenCredentials;
    private volatile boolean bearer;
    private static final String TOKEN = "fake-token-1";

    public FakeRegistry() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/v2/", this::registry);
        server.createContext("/token", this::token);
        server.createContext("/storage/", this::storage);
        server.start();
    }

    public String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public URI uri() {
        return URI.create("http://" + host());
    }

    public FakeRegistry add(String repo, String tag, TestImage image) {
        image.blobs().forEach(blobs::put);
        uploads.link(repo, image.layerDigest());
        uploads.link(repo, image.configDigest());
        manifests.put(repo + ":" + image.manifestDigest(), new Manifest(MediaTypes.OCI_MANIFEST, image.manifest()));
        manifests.put(repo + ":" + tag, new Manifest(MediaTypes.OCI_MANIFEST, image.manifest()));
        return this;
    }

    public FakeRegistry add(String repo, String tag, TestIndex index) {
        index.images().forEach(i -> add(repo, i.manifestDigest().toString(), i));
        manifests.put(repo + ":" + tag, new Manifest(MediaTypes.OCI_INDEX, index.bytes()));
        return this;
    }

    /** Serves arbitrary bytes as an OCI manifest (for hostile-registry tests). */
    public FakeRegistry addRawManifest(String repo, String tag, byte[] bytes) {
        manifests.put(repo + ":" + tag, new Manifest(MediaTypes.OCI_MANIFEST, bytes.clone()));
        return this;
    }

    /** Serves {@code digest} with one byte flipped (same length). */
    public FakeRegistry corrupt(Digest digest) {
        byte[] bad = blobs.get(digest).clone();
        bad[bad.length / 2] ^= 0x5a;
        corrupted.put(digest, bad);
        return this;
    }

    /** The next {@code times} downloads of {@code digest} stop after {@code bytes} bytes. */
    public FakeRegistry cutAfter(Digest digest, int bytes, int times) {
        cutAfter.put(digest, bytes);
        cutsLeft.put(digest, new AtomicInteger(times));
        return this;
    }

    /** Answers blob requests with a 307 to {@code storage}/storage/DIGEST (another FakeRegistry, say). */
    public FakeRegistry redirectBlobsTo(URI storage) {
        this.redirectBlobsTo = storage;
        return this;
    }

    /** Downloads of {@code digest} send half the bytes, then hang until the registry closes. */
    public FakeRegistry stall(Digest digest) {
        this.stallOn = digest;
        return this;
    }

    /** Serves blobs under /storage/DIGEST, logging whether an Authorization header came along. */
    private void storage(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        requests.add("STORAGE " + ex.getRequestURI().getPath() + (auth == null ? " without auth" : " with auth"));
        blob(ex, Digest.parse(ex.getRequestURI().getPath().substring("/storage/".length())), null);
    }

    /** Whether Range requests get 206 (on) or the whole blob with 200 (off). */
    public FakeRegistry ranges(boolean on) {
        this.ranges = on;
        return this;
    }

    /** Requires a Bearer token from this server's /token realm, which wants {@code credentials} (or none). */
    public FakeRegistry requireBearer(Credentials credentials) {
        this.bearer = true;
        this.tokenCredentials = credentials;
        return this;
    }

    /**
     * Requests of {@code kind} ({@code "blob upload"} or {@code "manifest"} pushes) to {@code repo} are
     * refused with {@code status} and the distribution error {@code code}.
     */
    public FakeRegistry refuse(String repo, String kind, int status, String code) {
        uploads.refuse(repo, kind, status, code);
        return this;
    }

    /** Upload sessions are announced with an absolute {@code Location} (default: relative). */
    public FakeRegistry absoluteUploadLocations() {
        uploads.locationBase = uri().toString();
        return this;
    }

    /** Whether {@code repo} links the blob (it was pushed, mounted or added there). */
    public boolean has(String repo, Digest digest) {
        return uploads.linked(repo, digest);
    }

    /** The bytes of a manifest as stored under {@code repo:reference}, or null. */
    public byte[] manifest(String repo, String reference) {
        Manifest m = manifests.get(repo + ":" + reference);
        return m == null ? null : m.bytes().clone();
    }

    /** The media type a manifest was stored with, or null. */
    public String manifestType(String repo, String reference) {
        Manifest m = manifests.get(repo + ":" + reference);
        return m == null ? null : m.mediaType();
    }

    static Map<String, String> query(HttpExchange ex) {
        Map<String, String> out = new java.util.TreeMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int eq = kv.indexOf('=');
                out.put(
                        java.net.URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : java.net.URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** The most blob downloads that were in progress at once. */
    public int maxConcurrentBlobDownloads() {
        return maxInFlight.get();
    }

    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void token(HttpExchange ex) throws IOException {
        requests.add("GET " + ex.getRequestURI());
        Credentials c = tokenCredentials;
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (c != null && !c.basicHeader().equals(auth)) {
            respond(
                    ex,
                    401,
                    "application/json",
                    "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        respond(ex, 200, "application/json", ("{\"token\":\"" + TOKEN + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private void registry(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String range = ex.getRequestHeaders().getFirst("Range");
        String query = ex.getRequestURI().getRawQuery();
        requests.add(ex.getRequestMethod() + " " + path + (query == null ? "" : "?" + query)
                + (range == null ? "" : " Range: " + range));
        if (bearer && !("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            challenge(ex, path);
            return;
        }
        int m = path.indexOf("/manifests/");
        int b = path.indexOf("/blobs/");
        if (b > 0 && m < 0 && uploads.handle(ex, path.substring(4, b), path.substring(b + 1))) {
            return;
        }
        if (m > 0 && ex.getRequestMethod().equals("PUT")) {
            putManifest(ex, path.substring(4, m), path.substring(m + 11));
        } else if (path.equals("/v2/")) {
            respond(ex, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        } else if (m > 0) {
            Manifest man = manifests.get(path.substring(4, m) + ":" + path.substring(m + 11));
            if (man == null) {
                respond(
                        ex,
                        404,
                        "application/json",
                        "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}".getBytes(StandardCharsets.UTF_8));
            } else {
                ex.getResponseHeaders()
                        .add("Docker-Content-Digest", Digest.sha256(man.bytes()).toString());
                respond(ex, 200, man.mediaType(), man.bytes());
            }
        } else if (b > 0) {
            if (redirectBlobsTo != null) {
                ex.getResponseHeaders().add("Location", redirectBlobsTo + "/storage/" + path.substring(b + 7));
                respond(ex, 307, "text/plain", new byte[0]);
                return;
            }
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                blob(ex, Digest.parse(path.substring(b + 7)), range);
            } finally {
                inFlight.decrementAndGet();
            }
        } else {
            respond(ex, 404, "text/plain", new byte[0]);
        }
    }

    /** A 401 whose scope is what the request needs: push adds {@code push}, a mount the source's pull. */
    private void challenge(HttpExchange ex, String path) throws IOException {
        String repo = path.replaceFirst("^/v2/", "").replaceFirst("/(manifests|blobs)/.*$", "");
        boolean reading = ex.getRequestMethod().equals("GET");
        String scope = "repository:" + repo + (reading ? ":pull" : ":pull,push");
        String from = query(ex).get("from");
        if (from != null) {
            scope += " repository:" + from + ":pull";
        }
        ex.getResponseHeaders()
                .add(
                        "WWW-Authenticate",
                        "Bearer realm=\"" + uri() + "/token\",service=\"fake\",scope=\"" + scope + "\"");
        respond(ex, 401, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
    }

    private void putManifest(HttpExchange ex, String repo, String reference) throws IOException {
        byte[] data;
        try (java.io.InputStream in = ex.getRequestBody()) {
            data = in.readAllBytes();
        }
        if (uploads.refused(ex, repo + " manifest")) {
            return;
        }
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        dev.jcompose.image.ManifestDocument doc = dev.jcompose.image.Manifests.parse(data, type, "pushed manifest");
        if (doc instanceof dev.jcompose.image.Manifest man) {
            java.util.List<Digest> needed = new java.util.ArrayList<>();
            needed.add(man.config().digest());
            man.layers().forEach(l -> needed.add(l.digest()));
            if (!needed.stream().allMatch(d -> uploads.linked(repo, d))) {
                FakeUploads.send(ex, 400, "MANIFEST_BLOB_UNKNOWN");
                return;
            }
        }
        Digest digest = Digest.sha256(data);
        manifests.put(repo + ":" + reference, new Manifest(type, data));
        manifests.put(repo + ":" + digest, new Manifest(type, data));
        ex.getResponseHeaders().add("Docker-Content-Digest", digest.toString());
        ex.getResponseHeaders().add("Location", "/v2/" + repo + "/manifests/" + digest);
        ex.sendResponseHeaders(201, -1);
        ex.close();
    }

    private void blob(HttpExchange ex, Digest d, String range) throws IOException {
        byte[] data = corrupted.getOrDefault(d, blobs.get(d));
        if (data == null) {
            respond(
                    ex,
                    404,
                    "application/json",
                    "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\"}]}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        int from = 0;
        int status = 200;
        if (range != null && ranges && range.startsWith("bytes=") && range.endsWith("-")) {
            from = Integer.parseInt(range.substring(6, range.length() - 1));
            status = 206;
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (data.length - 1) + "/" + data.length);
        }
        AtomicInteger left = cutsLeft.get(d);
        boolean cut = left != null && left.getAndDecrement() > 0;
        ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
        ex.sendResponseHeaders(status, data.length - from);
        OutputStream out = ex.getResponseBody();
        if (d.equals(stallOn)) {
            out.write(data, from, (data.length - from) / 2);
            out.flush();
            try {
                unstall.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
            return;
        }
        if (cut) {
            out.write(data, from, Math.min(cutAfter.get(d), data.length - from));
            out.flush();
            ex.close(); // fewer bytes than announced: the server drops the connection
            return;
        }
        out.write(data, from, data.length - from);
        out.close();
    }

    private static void respond(HttpExchange ex, int code, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        } else {
            ex.close();
        }
    }

    @Override
    public void close() {
        unstall.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
