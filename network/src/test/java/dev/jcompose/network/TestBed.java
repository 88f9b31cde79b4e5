package dev.jcompose.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.dns.DnsRegistry;
import dev.jcompose.host.Command;
import dev.jcompose.host.CommandResult;
import dev.jcompose.host.HostPaths;
import dev.jcompose.host.HostSnapshot;
import dev.jcompose.host.ProcessCommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Root-test fixture: a private run root, a network layer over it, helpers to run programs inside
 * namespaces, and a leak check restricted to what this module can create (other engineers'
 * tests share the machine, so their links and processes must not fail ours).
 */
final class TestBed implements AutoCloseable {
    final ProcessCommandRunner runner = new ProcessCommandRunner();
    final Path root;
    final HostPaths paths;
    final DnsRegistry registry = new DnsRegistry();
    final KernelNetworkLayer layer;
    private final List<Process> processes = new ArrayList<>();
    private final List<Runnable> cleanups = new ArrayList<>();
    private final HostSnapshot before;

    private final String chainPrefix;

    /** @param dns the layer's DNS ({@link NetworkLayer.Dns#NONE}: none); the test closes it */
    TestBed(KernelNetworkLayer.Options options, NetworkLayer.Dns dns) throws IOException {
        root = Files.createTempDirectory("jcnet-");
        paths = new HostPaths(root.resolve("data"), root.resolve("run"));
        chainPrefix = options.chains().prefix();
        layer = new KernelNetworkLayer(paths, runner, options.withEvents(registry), dns);
        before = snapshot();
    }

    TestBed(KernelNetworkLayer.Options options) throws IOException {
        this(options, NetworkLayer.Dns.NONE);
    }

    TestBed() throws IOException {
        this(KernelNetworkLayer.Options.defaults());
    }

    HostSnapshot snapshot() {
        HostSnapshot s = HostSnapshot.take(root);
        Map<String, SortedSet<String>> f = new TreeMap<>();
        f.put(
                "links",
                filter(s.facets().get("links"), l -> l.startsWith("jc-") || l.startsWith("jv") || l.startsWith("jt")));
        f.put("netns", filter(s.facets().get("netns"), l -> l.startsWith("jt")));
        // Only this layer's chains (default prefix, or the bed's own) and the builtin policies: other
        // jcompose runs on the host (engine tests) use their own chain prefix and must not count as
        // this test's leaks.
        f.put(
                "iptables",
                filter(
                        s.facets().get("iptables"),
                        l -> l.contains("JCOMPOSE")
                                || l.contains(chainPrefix)
                                || l.contains(":FORWARD ")
                                || l.contains(":INPUT ")));
        // Namespace mounts of this bed (under its temp root) or of the test's own `ip netns` names (jt*);
        // other jcompose runs' namespaces are not this test's business.
        f.put(
                "mounts",
                filter(s.facets().get("mounts"), l -> l.contains("jcnet-") || l.contains("nsfs") && l.contains("/jt")));
        f.put("files", s.facets().get("files"));
        f.put("processes", filter(s.facets().get("processes"), l -> l.contains("jcnet-")));
        return new HostSnapshot(f);
    }

    private static SortedSet<String> filter(SortedSet<String> in, java.util.function.Predicate<String> keep) {
        TreeSet<String> out = new TreeSet<>();
        in.stream().filter(keep).forEach(out::add);
        return out;
    }

    CommandResult run(String... argv) {
        return runner.run(Command.of(argv).withTimeout(Duration.ofSeconds(20)));
    }

    CommandResult in(String netns, String... argv) {
        List<String> a = new ArrayList<>(List.of("nsenter", "--net=" + netns));
        a.addAll(List.of(argv));
        return runner.run(Command.of(a).withTimeout(Duration.ofSeconds(20)));
    }

    /** Starts a long-running program in a namespace; killed at close. */
    Process spawn(String netns, String... argv) throws IOException {
        List<String> a = new ArrayList<>(List.of("nsenter", "--net=" + netns));
        a.addAll(List.of(argv));
        Process p = new ProcessBuilder(a).redirectErrorStream(true).start();
        processes.add(p);
        return p;
    }

    /** The argv that runs a test main class of this module in a fresh JVM. */
    static List<String> javaMain(Class<?> main, String... args) {
        List<String> a = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
        a.addAll(List.of(args));
        return a;
    }

    /** A UDP echo server on {@code port} inside the namespace, waited for. */
    void udpEcho(String netns, int port) throws IOException {
        List<String> argv = javaMain(UdpTool.class, "echo", Integer.toString(port));
        Process p = spawn(netns, argv.toArray(String[]::new));
        String first = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
        assertThat(first).isEqualTo("LISTENING");
    }

    /** busybox httpd serving {@code text} at /index.html on {@code port} inside the namespace. */
    void httpd(String netns, int port, String text) throws IOException {
        Path www = Files.createTempDirectory("jcnet-www-");
        cleanups.add(() -> delete(www));
        Files.writeString(www.resolve("index.html"), text);
        spawn(netns, "busybox", "httpd", "-f", "-p", Integer.toString(port), "-h", www.toString());
        waitFor(
                () -> in(netns, "sh", "-c", "busybox netstat -ltn | grep -q ':" + port + " '")
                        .ok(),
                "httpd on " + port);
    }

    /** An HTTP GET through busybox nc from inside {@code netns}; the body or "" on failure. */
    String fetchFrom(String netns, String ip, int port) {
        CommandResult r = runner.run(
                Command.of("nsenter", "--net=" + netns, "busybox", "nc", "-w", "2", ip, Integer.toString(port))
                        .withStdin("GET /index.html HTTP/1.0\r\n\r\n")
                        .withTimeout(Duration.ofSeconds(10)));
        return body(r.stdout());
    }

    static String body(String http) {
        int i = http.indexOf("\r\n\r\n");
        return i < 0 ? "" : http.substring(i + 4);
    }

    /** Docker's FORWARD DROP policy for the rest of the test; the old policy is restored at close. */
    void forwardPolicyDrop() {
        String saved = run("iptables", "-S", "FORWARD")
                .orThrow()
                .stdout()
                .lines()
                .findFirst()
                .orElseThrow()
                .split(" ")[2];
        onClose(() -> run("iptables", "-P", "FORWARD", saved).orThrow());
        run("iptables", "-P", "FORWARD", "DROP").orThrow();
    }

    /**
     * A namespace standing in for "the outside world": a veth from the host (198.18.0.1/30, the
     * benchmarking range) to 198.18.0.2 inside, serving HTTP on 8080. Returns its namespace file.
     */
    String outside() throws IOException {
        String ns = root.resolve("outside").toString();
        Files.createFile(Path.of(ns));
        onClose(() -> {
            run("ip", "link", "del", "jt-out-h");
            run("umount", ns);
            Path.of(ns).toFile().delete();
        });
        run("unshare", "--net=" + ns, "true").orThrow();
        run("ip", "link", "add", "jt-out-h", "type", "veth", "peer", "name", "eth0", "netns", ns)
                .orThrow();
        run("ip", "addr", "add", "198.18.0.1/30", "dev", "jt-out-h").orThrow();
        run("ip", "link", "set", "jt-out-h", "up").orThrow();
        in(ns, "ip", "addr", "add", "198.18.0.2/30", "dev", "eth0").orThrow();
        in(ns, "ip", "link", "set", "eth0", "up").orThrow();
        in(ns, "ip", "link", "set", "lo", "up").orThrow();
        in(ns, "ip", "route", "add", "default", "via", "198.18.0.1").orThrow();
        httpd(ns, 8080, "outside\n");
        return ns;
    }

    /** The host's primary address: the first IPv4 address of the default-route interface. */
    String hostAddress() {
        String routes =
                run("ip", "-4", "-j", "route", "show", "default").orThrow().stdout();
        String dev = routes.replaceAll("(?s).*\"dev\":\"([^\"]+)\".*", "$1");
        String addr =
                run("ip", "-4", "-j", "addr", "show", "dev", dev).orThrow().stdout();
        return addr.replaceAll("(?s).*?\"local\":\"([0-9.]+)\".*", "$1");
    }

    /** HTTP GET from the test JVM (the host); the body or "" when nothing answers. */
    static String fetch(String ip, int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(ip, port), 2000);
            s.setSoTimeout(3000);
            s.getOutputStream().write("GET /index.html HTTP/1.0\r\n\r\n".getBytes());
            return body(new String(s.getInputStream().readAllBytes()));
        } catch (IOException e) {
            return "";
        }
    }

    void onClose(Runnable r) {
        cleanups.add(r);
    }

    static void waitFor(BooleanSupplier cond, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Removes every endpoint and network still recorded, then checks that nothing leaked. */
    @Override
    public void close() throws IOException {
        for (Process p : processes) {
            p.destroyForcibly();
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Runnable r : cleanups.reversed()) {
            r.run();
        }
        try {
            NetworkState s = layer.networks().state();
            s.endpoints().keySet().forEach(layer.endpoints()::detach);
            s.networks().keySet().forEach(layer.networks()::remove);
            snapshot().assertSameAs(before);
            assertThat(layer.networks().state()).isEqualTo(NetworkState.empty());
        } finally {
            delete(root);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> w = Files.walk(dir)) {
            w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
