package dev.jcompose.network;

import dev.jcompose.bridge.NetworkSpec;
import dev.jcompose.endpoint.AttachmentRequest;
import dev.jcompose.endpoint.EndpointSpec;
import dev.jcompose.endpoint.NetworkMode;
import dev.jcompose.host.Command;
import dev.jcompose.host.HostPaths;
import dev.jcompose.host.ProcessCommandRunner;
import dev.jcompose.ipam.Ipv4;
import dev.jcompose.nat.Chains;
import dev.jcompose.nat.Iptables;
import dev.jcompose.nat.NatPlanner;
import dev.jcompose.nat.PortRequest;
import dev.jcompose.nat.PublishedPort;
import dev.jcompose.nat.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Not a test: bench/network/run.sh runs it. Measures endpoint attach/detach, applying the rules
 * for 200 published ports, and iperf3 throughput through a published port (127.0.0.1) versus the
 * container IP directly. Traffic stays on loopback and in namespaces this program creates.
 */
public final class NetworkBench {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path root = Files.createTempDirectory("jcnet-bench-");
        java.util.Map<String, long[]> perCommand = new java.util.TreeMap<>();
        ProcessCommandRunner real = new ProcessCommandRunner();
        dev.jcompose.host.CommandRunner runner = c -> {
            long t = System.nanoTime();
            var r = real.run(c);
            synchronized (perCommand) {
                long[] v = perCommand.computeIfAbsent(c.argv().get(0), k -> new long[2]);
                v[0]++;
                v[1] += System.nanoTime() - t;
            }
            return r;
        };
        NetworkLayer layer = new KernelNetworkLayer(
                new HostPaths(root.resolve("data"), root.resolve("run")),
                runner,
                KernelNetworkLayer.Options.defaults(),
                NetworkLayer.Dns.NONE);
        try {
            NetworkRecord net = layer.networks().ensure(NetworkSpec.of("jcbench_default"));
            List<Long> attach = new ArrayList<>();
            List<Long> detach = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                layer.endpoints().attach(spec("jcbench-" + i, List.of()));
                long t1 = System.nanoTime();
                layer.endpoints().detach("jcbench-" + i);
                attach.add(t1 - t0);
                detach.add(System.nanoTime() - t1);
            }
            System.out.printf("attach one endpoint:   median %.1f ms  (n=%d)%n", median(attach), rounds);
            System.out.printf("detach one endpoint:   median %.1f ms  (n=%d)%n", median(detach), rounds);
            perCommand.forEach(
                    (k, v) -> System.out.printf("    %-28s %4d calls, %.1f ms each%n", k, v[0], v[1] / 1e6 / v[0]));

            List<PublishedPort> ports = new ArrayList<>();
            for (int p = 0; p < 200; p++) {
                ports.add(new PublishedPort(
                        "jcbench-ports", "tcp", null, 20000 + p, net.subnet().host(2), 8000 + p));
            }
            RuleSet rules = new NatPlanner(Chains.DEFAULT).plan(List.of(net.nat()), ports);
            Iptables iptables = new Iptables(runner, Chains.DEFAULT);
            List<Long> apply = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                iptables.apply(rules);
                apply.add(System.nanoTime() - t0);
            }
            System.out.printf(
                    "apply rules, 200 ports: median %.1f ms (%d rules, one iptables-restore batch, n=5)%n",
                    median(apply), rules.rules().size());
            long t0 = System.nanoTime();
            EndpointRecord big = layer.endpoints()
                    .attach(spec("jcbench-ports", List.of(new PortRequest("tcp", null, 20000, 20199, 8000, 8199))));
            System.out.printf(
                    "attach with 200 ports: %.1f ms (incl. 200 bind probes)%n", (System.nanoTime() - t0) / 1e6);
            layer.endpoints().detach(big.id());

            EndpointRecord srv =
                    layer.endpoints().attach(spec("jcbench-iperf", List.of(PortRequest.of("tcp", 25201, 5201))));
            Process server = new ProcessBuilder("nsenter", "--net=" + srv.netns(), "iperf3", "-s", "-1")
                    .redirectErrorStream(true)
                    .start();
            try {
                Ipv4 ip = srv.links().get(0).ip();
                System.out.println(
                        "iperf3 direct to container " + ip + ":5201: " + iperf(runner, ip.toString(), 5201, seconds));
                server.waitFor();
                server = new ProcessBuilder("nsenter", "--net=" + srv.netns(), "iperf3", "-s", "-1")
                        .redirectErrorStream(true)
                        .start();
                System.out.println(
                        "iperf3 via published 127.0.0.1:25201: " + iperf(runner, "127.0.0.1", 25201, seconds));
            } finally {
                server.destroyForcibly();
                server.waitFor();
                layer.endpoints().detach(srv.id());
            }
        } finally {
            layer.networks().remove("jcbench_default");
            layer.recover();
            runner.run(Command.of("rm", "-rf", root.toString()));
        }
    }

    private static EndpointSpec spec(String id, List<PortRequest> ports) {
        return new EndpointSpec(
                id, List.of(id), new NetworkMode.Bridge(), List.of(AttachmentRequest.of("jcbench_default")), ports);
    }

    private static String iperf(dev.jcompose.host.CommandRunner runner, String host, int port, int seconds)
            throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            var r = runner.run(Command.of(
                            "iperf3",
                            "-c",
                            host,
                            "-p",
                            Integer.toString(port),
                            "-t",
                            Integer.toString(seconds),
                            "-f",
                            "g")
                    .withTimeout(Duration.ofSeconds(seconds + 20)));
            if (r.ok()) {
                return r.stdout()
                        .lines()
                        .filter(l -> l.contains("receiver"))
                        .findFirst()
                        .orElse(r.stdout())
                        .strip();
            }
            Thread.sleep(100); // the server may not listen yet; bounded retries
        }
        return "iperf3 failed";
    }

    private static double median(List<Long> nanos) {
        List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        return s.get(s.size() / 2) / 1e6;
    }
}
