package dev.jcompose.network;

import dev.jcompose.bridge.BridgeException;
import dev.jcompose.bridge.BridgePlanner;
import dev.jcompose.bridge.LinkNames;
import dev.jcompose.bridge.NetworkSpec;
import dev.jcompose.host.Command;
import dev.jcompose.host.Overlap;
import dev.jcompose.ipam.HostAddresses;
import dev.jcompose.ipam.IpamException;
import dev.jcompose.ipam.Ipv4;
import dev.jcompose.ipam.Subnet;
import dev.jcompose.ipam.SubnetPool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Creates, removes and recovers networks (one Linux bridge each). */
public final class NetworkService implements NetworkLayer.Networks {
    static final long SETTLE_NANOS = java.time.Duration.ofSeconds(30).toNanos();
    private final KernelNetworkLayer.Context ctx;

    NetworkService(KernelNetworkLayer.Context ctx) {
        this.ctx = ctx;
    }

    /** Creates the network, or returns it when it exists; external networks must already exist. */
    @Override
    public NetworkRecord ensure(NetworkSpec spec) {
        supported(spec);
        settle(spec.name());
        NetworkRecord known = current(spec.name());
        if (known != null && known.phase() == Phase.READY) {
            return matching(spec, known); // no need to look at the host for a network that exists
        }
        HostAddresses.View host = spec.external() ? null : ctx.host().read();
        List<Subnet> hostUsed = host == null ? List.of() : host.inUse();
        int mtu = spec.mtu() != null ? spec.mtu() : host == null ? HostAddresses.FALLBACK_MTU : host.uplinkMtu();
        NetworkRecord rec = ctx.store().locked(t -> {
            NetworkRecord existing = t.state().networks().get(spec.name());
            if (existing != null && existing.phase() == Phase.READY) {
                return matching(spec, existing);
            }
            if (spec.external()) {
                throw notFound(spec);
            }
            if (existing != null) {
                throw new BridgeException(
                        "network " + spec.name() + " is still being "
                                + (existing.phase() == Phase.CREATING ? "created" : "removed") + " by process "
                                + existing.owner(),
                        "wait for that jcompose to finish, or stop it");
            }
            NetworkRecord n = plan(spec, t.state(), hostUsed, mtu, ctx.pool());
            t.put(t.state().with(n));
            return n;
        });
        if (rec.phase() == Phase.READY) {
            return rec;
        }
        ctx.faults().reached("network.journaled");
        try {
            if (host != null && host.links().contains(rec.bridge())) {
                ctx.kernel().deleteLink(rec.bridge()); // a crashed creation's, whose record is gone
            }
            for (Command c : BridgePlanner.create(rec.bridge(), rec.subnet(), rec.gateway(), rec.mtu())) {
                ctx.kernel().run(c);
            }
            ctx.faults().reached("network.bridge-created");
            return ctx.store().locked(t -> {
                NetworkRecord ready = rec.withPhase(Phase.READY);
                NetworkState next = t.state().with(ready);
                ctx.kernel().applyRules(next);
                t.put(next);
                return ready;
            });
        } catch (RuntimeException e) {
            teardown(rec.name());
            throw e;
        }
    }

    /**
     * Waits (bounded) while another live process creates or removes the network; finishes the job
     * of a dead one. Whatever remains unsettled is reported by the caller.
     */
    private void settle(String name) {
        long deadline = System.nanoTime() + SETTLE_NANOS;
        for (NetworkRecord n = current(name); n != null && n.phase() != Phase.READY; n = current(name)) {
            if (!ProcessOwner.alive(n.owner())) {
                teardown(name);
                return;
            }
            if (System.nanoTime() > deadline) {
                return;
            }
            pause();
        }
    }

    private NetworkRecord current(String name) {
        return ctx.store().snapshot().networks().get(name);
    }

    static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BridgeException("interrupted while waiting for another jcompose", null);
        }
    }

    /** Fails for what jcompose networks cannot do yet. */
    static void supported(NetworkSpec spec) {
        if (spec.enableIpv6()) {
            throw new BridgeException(
                    "network " + spec.name() + ": enable_ipv6 is not supported yet",
                    "remove enable_ipv6 from the network, jcompose networks are IPv4 only for now");
        }
    }

    static BridgeException notFound(NetworkSpec external) {
        return new BridgeException(
                "network " + external.name() + " declared as external, but could not be found",
                "create it first (jcompose network create " + external.name() + "), or remove external: true");
    }

    /** An existing network must still match what the compose file asks for, or the user must recreate it. */
    static NetworkRecord matching(NetworkSpec spec, NetworkRecord n) {
        if (spec.external()) {
            return n;
        }
        List<String> diffs = new ArrayList<>();
        if (spec.internal() != n.internal()) {
            diffs.add("internal " + n.internal() + " -> " + spec.internal());
        }
        if (spec.subnet() != null && !spec.subnet().equals(n.subnet())) {
            diffs.add("subnet " + n.subnet() + " -> " + spec.subnet());
        }
        if (spec.gateway() != null && !spec.gateway().equals(n.gateway())) {
            diffs.add("gateway " + n.gateway() + " -> " + spec.gateway());
        }
        if (spec.ipRange() != null && !spec.ipRange().equals(n.ipRange())) {
            diffs.add("ip_range " + n.ipRange() + " -> " + spec.ipRange());
        }
        if (!diffs.isEmpty()) {
            throw new BridgeException(
                    "network " + spec.name() + " exists with a different configuration (" + String.join(", ", diffs)
                            + ")",
                    "remove it first (jcompose down), then start again");
        }
        return n;
    }

    /** The new network's record (CREATING): its subnet from {@code pool} unless the spec gives one. */
    static NetworkRecord plan(NetworkSpec spec, NetworkState state, List<Subnet> hostUsed, int mtu, SubnetPool pool) {
        List<Subnet> ours =
                state.networks().values().stream().map(NetworkRecord::subnet).toList();
        Subnet subnet = spec.subnet();
        if (subnet == null) {
            List<Subnet> used = new ArrayList<>(ours);
            used.addAll(hostUsed);
            subnet = pool.pick(used);
        } else {
            for (NetworkRecord o : state.networks().values()) {
                if (o.subnet().overlaps(subnet)) {
                    throw new IpamException(
                            "network " + spec.name() + ": subnet " + subnet + " overlaps " + o.subnet() + " of network "
                                    + o.name(),
                            "choose a subnet that does not overlap existing networks");
                }
            }
        }
        Ipv4 gw = spec.gateway() != null ? spec.gateway() : subnet.host(1);
        if (!subnet.contains(gw) || subnet.prefix() > 30) {
            throw new IpamException(
                    "network " + spec.name() + ": gateway " + gw + " is not usable in " + subnet,
                    "use a subnet of /30 or larger and a gateway inside it");
        }
        if (spec.ipRange() != null && !subnet.contains(spec.ipRange())) {
            throw new IpamException(
                    "network " + spec.name() + ": ip_range " + spec.ipRange() + " is not inside " + subnet,
                    "make ip_range a part of the subnet");
        }
        return new NetworkRecord(
                spec.name(),
                LinkNames.bridge(spec.name()),
                subnet,
                gw,
                spec.ipRange(),
                spec.internal(),
                mtu,
                Phase.CREATING,
                Map.of(),
                ProcessOwner.self());
    }

    /** Removes the network; refuses while endpoints are attached. Removing a missing network is a no-op. */
    @Override
    public void remove(String name) {
        NetworkRecord rec = ctx.store().locked(t -> {
            NetworkRecord n = t.state().networks().get(name);
            if (n == null) {
                return null;
            }
            unused(t.state(), name);
            t.put(t.state().with(n.withPhase(Phase.REMOVING)));
            return n;
        });
        if (rec != null) {
            teardown(name);
        }
    }

    /** Fails while endpoints are attached to the network. */
    static void unused(NetworkState state, String name) {
        List<String> users = state.endpoints().values().stream()
                .filter(e -> e.links().stream().anyMatch(l -> l.network().equals(name)))
                .map(EndpointRecord::id)
                .toList();
        if (!users.isEmpty()) {
            throw new BridgeException(
                    "network " + name + " is in use by " + String.join(", ", users),
                    "stop and remove those containers first");
        }
    }

    private void teardown(String name) {
        NetworkRecord n = ctx.store().snapshot().networks().get(name);
        if (n == null) {
            return;
        }
        // The bridge's deletion (~50 ms in the kernel) and the rules' change overlap; the record goes once
        // both are done, so a crash in between leaves a REMOVING record that recover() finishes.
        ctx.store().locked(t -> {
            NetworkState next = t.state().withoutNetwork(name);
            Overlap.together(
                    () -> ctx.kernel().deleteLink(n.bridge()),
                    () -> ctx.kernel().applyRules(next));
            t.put(next);
            return null;
        });
        ctx.store().deleteIfEmpty();
    }

    @Override
    public NetworkState state() {
        return ctx.store().snapshot();
    }

    /**
     * Finishes what a killed process left behind: endpoints and networks not READY whose owner
     * process is gone are removed (their journal records name every kernel object they may have
     * made; live owners are still working and are left alone), then our chains are rebuilt.
     */
    public void recover(EndpointService endpoints) {
        NetworkState s = ctx.store().snapshot();
        for (EndpointRecord e : s.endpoints().values()) {
            if (e.phase() != Phase.READY && !ProcessOwner.alive(e.owner())) {
                endpoints.teardown(e.id());
            }
        }
        for (NetworkRecord n : s.networks().values()) {
            if (n.phase() != Phase.READY && !ProcessOwner.alive(n.owner())) {
                teardown(n.name());
            }
        }
        ctx.store().locked(t -> {
            ctx.kernel().applyRules(t.state());
            return null;
        });
        ctx.store().deleteIfEmpty();
    }

    Path netnsDir() {
        return ctx.netnsDir();
    }
}
