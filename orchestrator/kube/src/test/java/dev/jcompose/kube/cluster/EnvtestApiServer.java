package dev.jcompose.kube.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real, bare API server on the loopback address from envtest's binaries ({@code etcd} and
 * {@code kube-apiserver} in one directory, as {@code setup-envtest use} lays them out): etcd, then the
 * API server with a token for {@code system:masters} and a self-signed certificate, and a kubeconfig
 * with one context, {@code envtest}. No controllers run: nothing becomes available or is garbage
 * collected, but every request is validated as on a cluster.
 */
final class EnvtestApiServer implements AutoCloseable {
    static final String TOKEN = "envtest-admin-token";

    private final List<Process> processes = new ArrayList<>();
    final Path kubeconfig;

    EnvtestApiServer(Path binaries, Path work) throws IOException {
        int etcdClient = freePort();
        int etcdPeer = freePort();
        int secure = freePort();
        String etcdUrl = "http://127.0.0.1:" + etcdClient;
        String peerUrl = "http://127.0.0.1:" + etcdPeer;
        start(
                List.of(
                        binaries.resolve("etcd").toString(),
                        "--data-dir=" + work.resolve("etcd"),
                        "--listen-client-urls=" + etcdUrl,
                        "--advertise-client-urls=" + etcdUrl,
                        "--listen-peer-urls=" + peerUrl,
                        "--initial-advertise-peer-urls=" + peerUrl,
                        "--initial-cluster=default=" + peerUrl,
                        "--unsafe-no-fsync=true"),
                work.resolve("etcd.log"),
                "ready to serve client requests");
        Path key = work.resolve("sa.key");
        Files.writeString(key, privateKeyPem());
        Path tokens = work.resolve("tokens.csv");
        Files.writeString(tokens, TOKEN + ",admin,admin,system:masters\n");
        start(
                List.of(
                        binaries.resolve("kube-apiserver").toString(),
                        "--etcd-servers=" + etcdUrl,
                        "--bind-address=127.0.0.1",
                        "--advertise-address=127.0.0.1",
                        "--secure-port=" + secure,
                        "--cert-dir=" + work.resolve("certs"),
                        "--token-auth-file=" + tokens,
                        "--authorization-mode=RBAC",
                        "--service-account-issuer=https://kubernetes.default.svc",
                        "--service-account-key-file=" + key,
                        "--service-account-signing-key-file=" + key,
                        "--service-cluster-ip-range=10.0.0.0/24",
                        "--disable-admission-plugins=ServiceAccount",
                        "--allow-privileged=true"),
                work.resolve("kube-apiserver.log"),
                "Serving securely on");
        kubeconfig = work.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: envtest
                  cluster:
                    server: https://127.0.0.1:%d
                    insecure-skip-tls-verify: true
                users:
                - name: admin
                  user:
                    token: %s
                contexts:
                - name: envtest
                  context:
                    cluster: envtest
                    user: admin
                current-context: envtest
                """.formatted(secure, TOKEN));
    }

    /** Starts {@code command} and returns once its output shows {@code ready}; the output is kept in {@code log}. */
    private void start(List<String> command, Path log, String ready) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(p);
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
                if (line.contains(ready)) {
                    // keep draining in the background so the process never blocks on a full pipe
                    Thread.ofVirtual().start(() -> drain(r));
                    Files.write(log, lines);
                    return;
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.write(log, lines);
        throw new IOException(command.getFirst() + " exited before it was ready; its output is in " + log);
    }

    private static void drain(BufferedReader r) {
        try {
            while (r.readLine() != null) {
                // discarded: the readiness line was all the test needed
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String privateKeyPem() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            byte[] pkcs8 = g.generateKeyPair().getPrivate().getEncoded();
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes.reversed()) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }
}
