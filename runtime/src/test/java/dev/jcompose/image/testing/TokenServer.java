package dev.jcompose.image.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jcompose.image.Credentials;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A docker token-auth realm on 127.0.0.1 for {@link LocalRegistry}: checks Basic credentials and
 * issues RS256 JWTs carrying the signing certificate in {@code x5c}. The key and self-signed
 * certificate are made with openssl at start; the registry trusts that certificate as its root bundle.
 */
public final class TokenServer implements AutoCloseable {
    public static final String SERVICE = "jcompose-test-registry";
    public static final String ISSUER = "jcompose-test-issuer";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final PrivateKey key;
    private final String certDer;
    private final Path certPem;
    private final Credentials credentials;

    public TokenServer(Path dir, Credentials credentials) {
        this.credentials = credentials;
        try {
            Files.createDirectories(dir);
            certPem = dir.resolve("token.crt");
            Path keyPem = dir.resolve("token.key");
            Process p = new ProcessBuilder(
                            "openssl",
                            "req",
                            "-x509",
                            "-newkey",
                            "rsa:2048",
                            "-nodes",
                            "-days",
                            "1",
                            "-subj",
                            "/CN=jcompose-test-token",
                            "-keyout",
                            keyPem.toString(),
                            "-out",
                            certPem.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("openssl.log").toFile())
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("openssl failed: " + Files.readString(dir.resolve("openssl.log")));
            }
            key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem(keyPem)));
            certDer = Base64.getEncoder().encodeToString(pem(certPem));
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/token", this::handle);
        server.start();
    }

    private static byte[] pem(Path file) throws IOException {
        String body = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    public URI realm() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    public Path rootCertBundle() {
        return certPem;
    }

    private void handle(HttpExchange ex) throws IOException {
        if (!credentials.basicHeader().equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            send(ex, 401, "{\"details\":\"bad credentials\"}");
            return;
        }
        // one scope parameter per repository (a mount asks for the source's pull as well)
        java.util.Map<String, List<String>> grants = new java.util.TreeMap<>();
        String query = ex.getRequestURI().getRawQuery() == null
                ? ""
                : ex.getRequestURI().getRawQuery();
        for (String kv : query.split("&")) {
            if (kv.startsWith("scope=")) {
                String[] parts = URLDecoder.decode(kv.substring(6), StandardCharsets.UTF_8)
                        .split(":");
                if (parts.length == 3) {
                    grants.put(parts[1], List.of(parts[2].split(",")));
                }
            }
        }
        send(ex, 200, "{\"token\":\"" + issue(grants) + "\"}");
    }

    /** A token granting {@code actions} on repository {@code repo} (the pusher uses it directly). */
    public String issue(String repo, List<String> actions) {
        return issue(repo.isEmpty() ? java.util.Map.of() : java.util.Map.of(repo, actions));
    }

    /** A token granting, per repository, the actions given. */
    private String issue(java.util.Map<String, List<String>> grants) {
        long now = Instant.now().getEpochSecond();
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT");
        header.putArray("x5c").add(certDer);
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", ISSUER)
                .put("sub", credentials.username())
                .put("aud", SERVICE)
                .put("exp", now + 300)
                .put("nbf", now - 10)
                .put("iat", now)
                .put("jti", UUID.randomUUID().toString());
        ArrayNode access = claims.putArray("access");
        grants.forEach((repo, actions) -> {
            ObjectNode a = access.addObject().put("type", "repository").put("name", repo);
            actions.forEach(a.putArray("actions")::add);
        });
        String signingInput = b64(header.toString()) + "." + b64(claims.toString());
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int code, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(code, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private boolean closed;

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stop(0);
        }
    }
}
