package dev.jcompose.image.testing;

import dev.jcompose.image.Credentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.mindrot.jbcrypt.BCrypt;

/**
 * A real distribution registry ({@code /usr/bin/docker-registry}, Debian's distribution 2.8) on
 * 127.0.0.1 with a free port and storage under a test directory, optionally behind htpasswd Basic
 * auth. {@link #close()} stops the process.
 */
public final class LocalRegistry implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/docker-registry");
    private final Process process;
    private final int port;
    private final Path log;
    private final RegistryPusher pusher;

    private final TokenServer tokens;

    private LocalRegistry(Process process, int port, Path log, Credentials credentials, TokenServer tokens) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.tokens = tokens;
        this.pusher = new RegistryPusher(
                uri(),
                repo -> tokens != null
                        ? "Bearer " + tokens.issue(repo, java.util.List.of("pull", "push"))
                        : credentials != null ? credentials.basicHeader() : null);
    }

    /** True when the docker-registry package is installed; tests use it in an assumption. */
    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    public static LocalRegistry start(Path workDir) {
        return start(workDir, null);
    }

    /** Starts a registry; with {@code basicAuth} every request needs those credentials. */
    public static LocalRegistry start(Path workDir, Credentials basicAuth) {
        return start(workDir, basicAuth, false);
    }

    /**
     * Starts a registry behind docker token auth: a {@link TokenServer} on 127.0.0.1 issues tokens to
     * holders of {@code credentials}. Needs openssl for the signing certificate.
     */
    public static LocalRegistry startWithTokenAuth(Path workDir, Credentials credentials) {
        return start(workDir, credentials, true);
    }

    private static LocalRegistry start(Path workDir, Credentials credentials, boolean token) {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return startOnce(workDir.resolve("attempt-" + attempt), credentials, token);
            } catch (IllegalStateException e) {
                last = e; // most likely the free port was taken in between; pick another
            }
        }
        throw last;
    }

    private static LocalRegistry startOnce(Path dir, Credentials basicAuth, boolean token) {
        TokenServer tokens = token ? new TokenServer(dir.resolve("token"), basicAuth) : null;
        try {
            Files.createDirectories(dir.resolve("storage"));
            int port = freePort();
            StringBuilder yaml = new StringBuilder()
                    .append("version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: true\n")
                    .append("storage:\n  filesystem:\n    rootdirectory: ")
                    .append(dir.resolve("storage"))
                    .append('\n')
                    .append("  delete:\n    enabled: true\n")
                    .append("http:\n  addr: 127.0.0.1:")
                    .append(port)
                    .append("\n  secret: jcompose-test\n");
            if (tokens != null) {
                yaml.append("auth:\n  token:\n    realm: ")
                        .append(tokens.realm())
                        .append("\n    service: ")
                        .append(TokenServer.SERVICE)
                        .append("\n    issuer: ")
                        .append(TokenServer.ISSUER)
                        .append("\n    rootcertbundle: ")
                        .append(tokens.rootCertBundle())
                        .append('\n');
            } else if (basicAuth != null) {
                Path htpasswd = dir.resolve("htpasswd");
                Files.writeString(
                        htpasswd,
                        basicAuth.username() + ":" + BCrypt.hashpw(basicAuth.password(), BCrypt.gensalt(4)) + "\n");
                yaml.append("auth:\n  htpasswd:\n    realm: jcompose-test\n    path: ")
                        .append(htpasswd)
                        .append('\n');
            }
            Path config = dir.resolve("config.yml");
            Files.writeString(config, yaml);
            Path log = dir.resolve("registry.log");
            Process p = new ProcessBuilder(BINARY.toString(), "serve", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            LocalRegistry r = new LocalRegistry(p, port, log, basicAuth, tokens);
            r.awaitReady(Duration.ofSeconds(20));
            return r;
        } catch (IOException e) {
            if (tokens != null) {
                tokens.close();
            }
            throw new UncheckedIOException(e);
        } catch (IllegalStateException e) {
            if (tokens != null) {
                tokens.close();
            }
            throw e;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Polls GET /v2/ until it answers (200, or 401 behind auth), the process dies, or the deadline passes. */
    private void awaitReady(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited (" + process.exitValue() + "): " + logText());
            }
            try {
                int code = http.send(
                                HttpRequest.newBuilder(URI.create(uri() + "/v2/"))
                                        .timeout(Duration.ofSeconds(1))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (code == 200 || code == 401) {
                    return;
                }
            } catch (IOException e) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50)); // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException(
                "docker-registry did not answer on " + uri() + " within " + timeout + ": " + logText());
    }

    private String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** {@code 127.0.0.1:<port>}: the registry part of image references. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public URI uri() {
        return URI.create("http://" + host());
    }

    public void push(String repo, String tag, TestImage image) {
        pusher.push(repo, tag, image);
    }

    public void push(String repo, String tag, TestIndex index) {
        pusher.push(repo, tag, index);
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (tokens != null) {
            tokens.close();
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
