package dev.jcompose.dns;

import dev.jcompose.network.EndpointRecord;
import dev.jcompose.network.NetworkLayer;
import dev.jcompose.network.NetworkRecord;
import dev.jcompose.network.NetworkState;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded DNS servers, one per network on its gateway address, answering from one
 * {@link DnsRegistry}. The engine calls {@link #serve} after a network is ready and {@link #stop}
 * before removing it.
 */
public final class DnsService implements NetworkLayer.Dns {
    public static final int PORT = 53;
    private final Vertx vertx;
    private final DnsRegistry registry;
    private final List<InetSocketAddress> upstreams;
    private final int port;
    private final Map<String, DnsServer> servers = new ConcurrentHashMap<>();

    /** @param upstreams where names we do not own are forwarded ({@link #hostResolvers} in production) */
    public DnsService(Vertx vertx, DnsRegistry registry, List<InetSocketAddress> upstreams, int port) {
        this.vertx = vertx;
        this.registry = registry;
        this.upstreams = List.copyOf(upstreams);
        this.port = port;
    }

    @Override
    public void serve(NetworkRecord n) {
        servers.computeIfAbsent(
                n.name(),
                k -> DnsServer.start(
                        vertx,
                        n.gateway().toString(),
                        port,
                        new DnsResponder(n.name(), n.internal(), registry, upstreams)));
    }

    @Override
    public void stop(String network) {
        DnsServer s = servers.remove(network);
        if (s != null) {
            s.close();
        }
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

    @Override
    public void close() {
        servers.keySet().forEach(this::stop);
    }

    /** The host's resolvers from a resolv.conf file, port 53. */
    public static List<InetSocketAddress> hostResolvers(Path resolvConf) {
        try {
            return ResolvConf.nameservers(Files.readString(resolvConf)).stream()
                    .map(ip -> new InetSocketAddress(ip, PORT))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
