package dev.jcompose.stack;

import dev.jcompose.host.HostPaths;
import dev.jcompose.nat.Chains;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * Host settings of a {@link Stack}: where its state lives, the cgroup parent of containers, the
 * iptables chain prefix, the DNS upstreams names outside the project are forwarded to, and
 * whether images can be pulled from registries.
 */
public record StackSettings(
        HostPaths paths, String cgroupParent, Chains chains, List<InetSocketAddress> dnsUpstreams, boolean pull) {
    public StackSettings {
        dnsUpstreams = List.copyOf(dnsUpstreams);
    }

    /** What the CLI uses: {@code JCOMPOSE_*} paths, cgroup parent {@code jcompose}, the host's resolvers. */
    public static StackSettings standard(java.util.Map<String, String> env) {
        return new StackSettings(
                HostPaths.fromEnvironment(env),
                "jcompose",
                Chains.DEFAULT,
                dev.jcompose.dns.DnsService.hostResolvers(Path.of("/etc/resolv.conf")),
                true);
    }
}
