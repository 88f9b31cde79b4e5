package dev.jcompose.network;

import dev.jcompose.bridge.NetworkSpec;
import dev.jcompose.dns.DnsRegistry;
import dev.jcompose.endpoint.EndpointSpec;
import dev.jcompose.ipam.Ipv4;
import dev.jcompose.ipam.Subnet;
import dev.jcompose.ipam.SubnetPool;
import dev.jcompose.nat.PortAllocator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory {@link NetworkLayer} for tests: no bridges, namespaces, rules or sockets. Networks,
 * addresses and published ports follow the real layer's rules (the same subnet pool, lease choice,
 * port allocation and errors, through the pure code the real one uses); the host's routes are
 * {@code hostRoutes} and its listeners the ports tests {@link #occupy}. The DNS answers from an
 * in-memory table ({@link FakeDns#lookup}). Thread-safe (one lock per fake host) and deterministic.
 * {@link #restarted()} is the same host seen by a new process.
 */
public final class FakeNetworkLayer implements NetworkLayer {
    /** Where endpoint namespaces would be: paths only, nothing is created there. */
    public static final Path NETNS_DIR = Path.of("/run/jcompose-fake/netns");

    private static final int MTU = 1500;

    private final Host host;
    private final FakeDns dns = new FakeDns();
    private final Networks networks = new FakeNetworks();
    private final Endpoints endpoints = new FakeEndpoints();

    /** What outlives a process: the kernel's objects (our state) and the host's own listeners. */
    private static final class Host {
        final SubnetPool pool;
        final List<Subnet> routes;
        final Set<String> listeners = ConcurrentHashMap.newKeySet();
        final PortAllocator ports =
                PortAllocator.withProbe((protocol, ip, port) -> !listeners.contains(key(protocol, port)));
        NetworkState state = NetworkState.empty();
        /** The endpoints whose published ports {@code unpublish} released, in order. */
        final List<String> released = new java.util.concurrent.CopyOnWriteArrayList<>();

        Host(SubnetPool pool, List<Subnet> routes) {
            this.pool = pool;
            this.routes = List.copyOf(routes);
        }
    }

    /** Docker's default pool on a host without routes of its own. */
    public FakeNetworkLayer() {
        this(SubnetPool.dockerDefault(), List.of());
    }

    /** @param hostRoutes the host's routes and addresses automatic subnets must not overlap */
    public FakeNetworkLayer(SubnetPool pool, List<Subnet> hostRoutes) {
        this(new Host(pool, hostRoutes));
    }

    private FakeNetworkLayer(Host host) {
        this.host = host;
    }

    /** A new layer on the same host (a restarted process): same state and listeners, DNS not served yet. */
    public FakeNetworkLayer restarted() {
        return new FakeNetworkLayer(host);
    }

    /** Another program listens on the host port (any address): publishing it fails as on a real host. */
    public void occupy(String protocol, int port) {
        host.listeners.add(key(protocol, port));
    }

    /** The endpoints whose published ports were released while they stayed (a stopped container's). */
    public List<String> released() {
        return List.copyOf(host.released);
    }

    /** The other program stopped listening. */
    public void release(String protocol, int port) {
        host.listeners.remove(key(protocol, port));
    }

    private static String key(String protocol, int port) {
        return protocol + "/" + port;
    }

    @Override
    public Networks networks() {
        return networks;
    }

    @Override
    public Endpoints endpoints() {
        return endpoints;
    }

    @Override
    public FakeDns dns() {
        return dns;
    }

    /** Nothing is ever left half done in memory; records not READY (none) would go, as in the real layer. */
    @Override
    public void recover() {
        synchronized (host) {
            NetworkState s = host.state;
            for (EndpointRecord e : s.endpoints().values()) {
                if (e.phase() != Phase.READY) {
                    s = s.withoutEndpoint(e.id());
                }
            }
            for (NetworkRecord n : s.networks().values()) {
                if (n.phase() != Phase.READY) {
                    s = s.withoutNetwork(n.name());
                }
            }
            host.state = s;
        }
    }

    private NetworkState state() {
        synchronized (host) {
            return host.state;
        }
    }

    private final class FakeNetworks implements Networks {
        @Override
        public NetworkRecord ensure(NetworkSpec spec) {
            NetworkService.supported(spec);
            synchronized (host) {
                NetworkRecord existing = host.state.networks().get(spec.name());
                if (existing != null) {
                    return NetworkService.matching(spec, existing);
                }
                if (spec.external()) {
                    throw NetworkService.notFound(spec);
                }
                int mtu = spec.mtu() != null ? spec.mtu() : MTU;
                NetworkRecord n = NetworkService.plan(spec, host.state, host.routes, mtu, host.pool)
                        .withPhase(Phase.READY);
                host.state = host.state.with(n);
                return n;
            }
        }

        @Override
        public void remove(String name) {
            synchronized (host) {
                if (host.state.networks().containsKey(name)) {
                    NetworkService.unused(host.state, name);
                    host.state = host.state.withoutNetwork(name);
                }
            }
        }

        @Override
        public NetworkState state() {
            return FakeNetworkLayer.this.state();
        }
    }

    private final class FakeEndpoints implements Endpoints {
        @Override
        public EndpointRecord attach(EndpointSpec spec) {
            synchronized (host) {
                EndpointRecord existing = host.state.endpoints().get(spec.id());
                if (existing != null) {
                    return existing;
                }
                NetworkState next = EndpointService.allocated(spec, host.state, NETNS_DIR, host.ports);
                EndpointRecord ready = next.endpoints().get(spec.id()).withPhase(Phase.READY);
                host.state = next.with(ready);
                return ready;
            }
        }

        @Override
        public void detach(String id) {
            synchronized (host) {
                host.state = host.state.withoutEndpoint(id);
            }
        }

        @Override
        public EndpointRecord publish(String id) {
            synchronized (host) {
                EndpointRecord e = host.state.endpoints().get(id);
                if (!EndpointService.unpublished(e)) {
                    return e;
                }
                EndpointRecord r = EndpointService.republished(host.state, e, host.ports);
                host.state = host.state.with(r);
                return r;
            }
        }

        @Override
        public void unpublish(String id) {
            synchronized (host) {
                EndpointRecord e = host.state.endpoints().get(id);
                if (e != null && !e.ports().isEmpty()) {
                    host.state = host.state.with(e.withPorts(List.of()));
                    host.released.add(id);
                }
            }
        }

        @Override
        public NetworkState state() {
            return FakeNetworkLayer.this.state();
        }
    }

    /**
     * The embedded DNS without servers: which networks are served, and the names on each (the real
     * layer's {@link DnsRegistry}, so answers rotate the same way).
     */
    public static final class FakeDns implements Dns {
        private final DnsRegistry registry = new DnsRegistry();
        private final Map<String, NetworkRecord> served = new ConcurrentHashMap<>();

        @Override
        public void serve(NetworkRecord network) {
            served.putIfAbsent(network.name(), network);
        }

        @Override
        public void stop(String network) {
            served.remove(network);
        }

        @Override
        public void attached(EndpointRecord endpoint) {
            registry.attached(endpoint);
        }

        @Override
        public void detached(EndpointRecord endpoint) {
            registry.detached(endpoint);
        }

        @Override
        public void load(NetworkState state) {
            registry.load(state);
        }

        /** The addresses a container on {@code network} gets for {@code name}; none while the network is not served. */
        public List<Ipv4> lookup(String network, String name) {
            return served.containsKey(network) ? registry.lookup(network, name) : List.of();
        }

        /** The networks answered on, sorted. */
        public SortedSet<String> served() {
            return new TreeSet<>(served.keySet());
        }

        @Override
        public void close() {
            served.clear();
        }
    }
}
