package dev.jcompose.network;

import dev.jcompose.bridge.LinkNames;
import dev.jcompose.endpoint.AttachmentRequest;
import dev.jcompose.endpoint.EndpointException;
import dev.jcompose.endpoint.EndpointSpec;
import dev.jcompose.endpoint.LinkPlan;
import dev.jcompose.endpoint.MacAddresses;
import dev.jcompose.endpoint.NetworkMode;
import dev.jcompose.host.Overlap;
import dev.jcompose.ipam.Ipv4;
import dev.jcompose.ipam.Leases;
import dev.jcompose.nat.PortAllocator;
import dev.jcompose.nat.PublishedPort;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/** Creates and removes container endpoints: namespace, veths, addresses, published ports. */
public final class EndpointService implements NetworkLayer.Endpoints {
    private final KernelNetworkLayer.Context ctx;

    EndpointService(KernelNetworkLayer.Context ctx) {
        this.ctx = ctx;
    }

    /**
     * Allocates (journaled), wires the kernel, then marks the endpoint READY and applies the rules.
     * Attaching an endpoint that is already READY returns it unchanged. On failure everything made
     * so far is removed before the exception propagates.
     */
    @Override
    public EndpointRecord attach(EndpointSpec spec) {
        return attach(spec, r -> {});
    }

    /**
     * As {@link #attach(EndpointSpec)}; {@code meanwhile} (a container's creation: mount, conmon,
     * runtime create, which need the namespace only) overlaps the veths, the addresses inside and the
     * rules, ~40 ms of processes and an iptables commit.
     */
    @Override
    public EndpointRecord attach(EndpointSpec spec, Consumer<EndpointRecord> meanwhile) {
        settle(spec.id());
        EndpointRecord rec = ctx.store().locked(t -> {
            EndpointRecord existing = t.state().endpoints().get(spec.id());
            if (existing != null) {
                if (existing.phase() == Phase.READY) {
                    return existing;
                }
                throw new EndpointException(
                        "endpoint " + spec.id() + " is still being "
                                + (existing.phase() == Phase.CREATING ? "created" : "removed") + " by process "
                                + existing.owner(),
                        "wait for that jcompose to finish, or stop it");
            }
            return allocate(spec, t);
        });
        if (rec.phase() == Phase.READY) {
            meanwhile.accept(rec);
            return rec;
        }
        ctx.faults().reached("endpoint.journaled");
        try {
            if (rec.ownsNetns()) {
                ctx.kernel().createNetns(Path.of(rec.netns()));
                ctx.faults().reached("endpoint.netns-created");
            }
            EndpointRecord[] ready = new EndpointRecord[1];
            Overlap.together(() -> ready[0] = wireAndCommit(rec), () -> meanwhile.accept(rec));
            ctx.events().attached(ready[0]);
            return ready[0];
        } catch (RuntimeException e) {
            teardown(spec.id());
            throw e;
        }
    }

    /** The veths and the addresses inside, then READY (with the rules when the endpoint publishes ports). */
    private EndpointRecord wireAndCommit(EndpointRecord rec) {
        wire(rec);
        // rules depend on networks and ports only
        return change(!rec.ports().isEmpty(), t -> {
            EndpointRecord r = rec.withPhase(Phase.READY);
            t.put(t.state().with(r));
            return r;
        });
    }

    /** Like {@code NetworkService.settle}: waits for a live owner, finishes a dead one's work. */
    private void settle(String id) {
        long deadline = System.nanoTime() + NetworkService.SETTLE_NANOS;
        for (EndpointRecord e = current(id); e != null && e.phase() != Phase.READY; e = current(id)) {
            if (!ProcessOwner.alive(e.owner())) {
                teardown(id);
                return;
            }
            if (System.nanoTime() > deadline) {
                return;
            }
            NetworkService.pause();
        }
    }

    private EndpointRecord current(String id) {
        return ctx.store().snapshot().endpoints().get(id);
    }

    private EndpointRecord allocate(EndpointSpec spec, NetworkStore.Txn t) {
        NetworkState next = allocated(spec, t.state(), ctx.netnsDir(), ctx.ports());
        t.put(next);
        return next.endpoints().get(spec.id());
    }

    /**
     * The state with the endpoint's record (CREATING) and its address leases: pure, shared with
     * test doubles so that they allocate by the same rules.
     */
    static NetworkState allocated(EndpointSpec spec, NetworkState s, Path netnsDir, PortAllocator ports) {
        Path netns = netnsDir.resolve(spec.id());
        return switch (spec.mode()) {
            case NetworkMode.Host h ->
                s.with(new EndpointRecord(
                        spec.id(), "host", null, false, List.of(), List.of(), Phase.CREATING, ProcessOwner.self()));
            case NetworkMode.None n ->
                s.with(new EndpointRecord(
                        spec.id(),
                        "none",
                        netns.toString(),
                        true,
                        List.of(),
                        List.of(),
                        Phase.CREATING,
                        ProcessOwner.self()));
            case NetworkMode.Shared sh -> {
                EndpointRecord other = s.endpoints().get(sh.endpoint());
                if (other == null || other.netns() == null) {
                    throw new EndpointException(
                            "endpoint " + spec.id() + " wants the network namespace of " + sh.endpoint()
                                    + ", which has none",
                            "start " + sh.endpoint() + " first (network_mode service:/container:)");
                }
                yield s.with(new EndpointRecord(
                        spec.id(),
                        "shared",
                        other.netns(),
                        false,
                        List.of(),
                        List.of(),
                        Phase.CREATING,
                        ProcessOwner.self()));
            }
            case NetworkMode.Bridge b -> bridged(spec, s, netns, ports);
        };
    }

    private static NetworkState bridged(EndpointSpec spec, NetworkState s, Path netns, PortAllocator allocator) {
        List<LinkRecord> links = new ArrayList<>();
        for (AttachmentRequest a : spec.orderedNetworks()) {
            NetworkRecord n = s.networks().get(a.network());
            if (n == null || n.phase() != Phase.READY) {
                throw new EndpointException(
                        "endpoint " + spec.id() + ": network " + a.network() + " does not exist",
                        "create the network before attaching containers to it");
            }
            Map<Ipv4, String> leases = new TreeMap<>(n.leases());
            Ipv4 ip = Leases.choose(n.name(), n.subnet(), n.ipRange(), n.gateway(), leases, a.ipv4Address());
            leases.put(ip, spec.id());
            s = s.with(n.withLeases(leases));
            String mac = a.macAddress() != null ? MacAddresses.checked(a.macAddress()) : MacAddresses.fromIp(ip);
            LinkedHashSet<String> names = new LinkedHashSet<>(spec.names());
            names.addAll(a.aliases());
            links.add(new LinkRecord(
                    n.name(),
                    ifName(spec, a, links),
                    LinkNames.hostVeth(spec.id(), n.name()),
                    ip,
                    mac,
                    List.copyOf(names)));
        }
        List<PublishedPort> taken =
                s.endpoints().values().stream().flatMap(e -> e.ports().stream()).toList();
        List<PublishedPort> ports = spec.ports().isEmpty()
                ? List.of()
                : allocator.allocate(spec.id(), firstIp(spec, links), spec.ports(), taken);
        return s.with(new EndpointRecord(
                spec.id(),
                "bridge",
                netns.toString(),
                true,
                links,
                ports,
                Phase.CREATING,
                ProcessOwner.self(),
                spec.ports(),
                new TreeMap<>(spec.links())));
    }

    /**
     * {@code interface_name} if given (unique in the container), else {@code eth<n>} by position (the
     * next free number, when a named interface took that one).
     */
    private static String ifName(EndpointSpec spec, AttachmentRequest a, List<LinkRecord> before) {
        java.util.function.Predicate<String> used =
                n -> before.stream().anyMatch(l -> l.ifName().equals(n));
        int k = before.size();
        while (a.interfaceName() == null && used.test("eth" + k)) {
            k++;
        }
        String name = a.interfaceName() != null ? a.interfaceName() : "eth" + k;
        if (name.equals("lo") || used.test(name)) {
            throw new EndpointException(
                    "endpoint " + spec.id() + ": interface name " + name + " of network " + a.network()
                            + " is already used in the container",
                    "give each network of the service its own interface_name");
        }
        return name;
    }

    private static Ipv4 firstIp(EndpointSpec spec, List<LinkRecord> links) {
        if (links.isEmpty()) {
            throw new EndpointException(
                    "endpoint " + spec.id() + " publishes ports but is attached to no network",
                    "attach it to a network or drop its ports");
        }
        return links.get(0).ip();
    }

    private void wire(EndpointRecord rec) {
        if (!rec.ownsNetns()) {
            return;
        }
        Path netns = Path.of(rec.netns());
        NetworkState s = ctx.store().snapshot();
        List<LinkPlan.Wire> wires = new ArrayList<>();
        Ipv4 gateway = null;
        for (LinkRecord l : rec.links()) {
            NetworkRecord n = s.networks().get(l.network());
            wires.add(new LinkPlan.Wire(l.hostVeth(), l.ifName(), n.bridge(), n.mtu(), l.ip(), n.subnet(), l.mac()));
            if (gateway == null && !n.internal()) {
                gateway = n.gateway();
            }
        }
        LinkPlan plan = LinkPlan.of(netns.toString(), wires, gateway);
        ctx.kernel().hostBatch(plan.host());
        ctx.faults().reached("endpoint.veth-created");
        ctx.kernel().netnsBatch(netns, plan.inside());
    }

    /** Removes the endpoint: veths, namespace mount, leases, ports, rules. Missing endpoint: no-op. */
    @Override
    public void detach(String id) {
        EndpointRecord rec = ctx.store().locked(t -> {
            EndpointRecord e = t.state().endpoints().get(id);
            if (e != null && e.phase() != Phase.REMOVING) {
                t.put(t.state().with(e.withPhase(Phase.REMOVING)));
            }
            return e;
        });
        if (rec != null) {
            teardown(id);
            ctx.events().detached(rec);
        }
    }

    void teardown(String id) {
        EndpointRecord e = ctx.store().snapshot().endpoints().get(id);
        if (e == null) {
            return;
        }
        // The kernel's objects go while the rules drop the endpoint's ports (only published ports put an
        // endpoint into the rules); the record goes after both, so a crash in between leaves it to recover().
        Runnable kernelObjects = () -> {
            for (LinkRecord l : e.links()) {
                ctx.kernel().deleteLink(l.hostVeth());
            }
            if (e.ownsNetns()) {
                ctx.kernel().removeNetns(Path.of(e.netns()));
            }
        };
        if (e.ports().isEmpty()) {
            kernelObjects.run();
        } else {
            Overlap.together(kernelObjects, () -> unpublish(e.id()));
        }
        ctx.store().locked(t -> {
            t.put(t.state().withoutEndpoint(id));
            return null;
        });
        ctx.store().deleteIfEmpty();
    }

    /**
     * Publishes the endpoint's requested ports again after {@link #unpublish} (a stopped container
     * starting): host ports are checked (or, for "any free port", chosen anew) under the state lock
     * against every other endpoint and the host, then the rules are applied. An endpoint that has its
     * ports, asks for none, or does not exist is returned unchanged (null when missing).
     */
    @Override
    public EndpointRecord publish(String id) {
        return ctx.rules().commit(t -> {
            EndpointRecord e = t.state().endpoints().get(id);
            if (!unpublished(e)) {
                return e;
            }
            EndpointRecord r = republished(t.state(), e, ctx.ports());
            t.put(t.state().with(r));
            return r;
        });
    }

    /** Whether {@link #publish} has something to do for the endpoint: it is READY and asks for ports it does not hold. */
    static boolean unpublished(EndpointRecord e) {
        return e != null
                && e.phase() == Phase.READY
                && !e.requests().isEmpty()
                && e.ports().isEmpty()
                && !e.links().isEmpty();
    }

    /** The endpoint with its requested ports allocated again against every other endpoint's. */
    static EndpointRecord republished(NetworkState s, EndpointRecord e, PortAllocator allocator) {
        List<PublishedPort> taken = s.endpoints().values().stream()
                .filter(o -> !o.id().equals(e.id()))
                .flatMap(o -> o.ports().stream())
                .toList();
        return e.withPorts(allocator.allocate(e.id(), e.links().get(0).ip(), e.requests(), taken));
    }

    /**
     * Releases the endpoint's published ports (a container that stopped), keeping what it asked for:
     * its DNAT rules go and its host ports are free for others until {@link #publish}. The endpoint
     * (namespace, addresses) stays. No ports or no endpoint: no-op.
     */
    @Override
    public void unpublish(String id) {
        ctx.rules().commit(t -> {
            EndpointRecord e = t.state().endpoints().get(id);
            if (e != null && !e.ports().isEmpty()) {
                t.put(t.state().with(e.withPorts(List.of())));
            }
            return null;
        });
    }

    /** A state change under the store's lock; one that changes the rules goes through {@link RuleChanges}. */
    private <T> T change(boolean rulesChange, Function<NetworkStore.Txn, T> body) {
        return rulesChange ? ctx.rules().commit(body) : ctx.store().locked(body);
    }

    @Override
    public NetworkState state() {
        return ctx.store().snapshot();
    }
}
