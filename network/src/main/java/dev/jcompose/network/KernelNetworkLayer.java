package dev.jcompose.network;

import dev.jcompose.host.CommandRunner;
import dev.jcompose.host.HostPaths;
import dev.jcompose.ipam.HostAddresses;
import dev.jcompose.ipam.SubnetPool;
import dev.jcompose.nat.Chains;
import dev.jcompose.nat.PortAllocator;
import dev.jcompose.nat.PortProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real network layer: Linux bridges, veths in bind-mounted namespaces and iptables rules, over
 * one state store, and the embedded DNS it is given. Files: {@code <runRoot>/network/{lock,state.json}}
 * and {@code <runRoot>/netns/<endpoint>}. Create one per process and root; call {@link #recover()} once
 * at start.
 */
public final class KernelNetworkLayer implements NetworkLayer {
    private final NetworkService networks;
    private final EndpointService endpoints;
    private final Dns dns;

    /** @param dns the embedded DNS servers ({@code dns.DnsService}), or {@link Dns#NONE} */
    public KernelNetworkLayer(HostPaths paths, CommandRunner runner, Options options, Dns dns) {
        Path dir = paths.runRoot().resolve("network");
        try {
            Files.createDirectories(dir);
            Files.createDirectories(paths.runRoot().resolve("netns"));
            if (!Files.exists(dir.resolve("lock"))) {
                Files.createFile(dir.resolve("lock"));
            }
        } catch (IOException e) {
            if (!Files.exists(dir.resolve("lock"))) {
                throw new UncheckedIOException(e);
            }
        }
        NetworkStore store = new NetworkStore(dir);
        Kernel kernel = new Kernel(runner, options.chains());
        Context ctx = new Context(
                store,
                kernel,
                new RuleChanges(store, kernel::applyRules),
                paths.runRoot().resolve("netns"),
                options.pool(),
                new HostAddresses(runner),
                options.ports(),
                options.faults(),
                options.events());
        this.networks = new NetworkService(ctx);
        this.endpoints = new EndpointService(ctx);
        this.dns = dns;
    }

    @Override
    public NetworkService networks() {
        return networks;
    }

    @Override
    public EndpointService endpoints() {
        return endpoints;
    }

    @Override
    public Dns dns() {
        return dns;
    }

    /** Reconciles after a crash: see {@link NetworkService#recover(EndpointService)}. */
    @Override
    public void recover() {
        networks.recover(endpoints);
    }

    /** Tunables and seams; {@link #defaults()} is what production uses. */
    public record Options(
            Chains chains, SubnetPool pool, PortAllocator ports, FaultPoint faults, EndpointEvents events) {
        public static Options defaults() {
            return new Options(
                    Chains.DEFAULT,
                    SubnetPool.dockerDefault(),
                    PortAllocator.withProbe(PortProbe.bind()),
                    FaultPoint.NONE,
                    EndpointEvents.NONE);
        }

        public Options withFaults(FaultPoint f) {
            return new Options(chains, pool, ports, f, events);
        }

        public Options withEvents(EndpointEvents e) {
            return new Options(chains, pool, ports, faults, e);
        }

        public Options withChains(Chains c) {
            return new Options(c, pool, ports, faults, events);
        }

        public Options withPool(SubnetPool p) {
            return new Options(chains, p, ports, faults, events);
        }
    }

    record Context(
            NetworkStore store,
            Kernel kernel,
            RuleChanges rules,
            Path netnsDir,
            SubnetPool pool,
            HostAddresses host,
            PortAllocator ports,
            FaultPoint faults,
            EndpointEvents events) {}
}
