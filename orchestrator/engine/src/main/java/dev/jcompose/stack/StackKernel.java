package dev.jcompose.stack;

import dev.jcompose.container.ConmonRuntime;
import dev.jcompose.container.ContainerRuntime;
import dev.jcompose.container.OciRuntime;
import dev.jcompose.container.RuntimeConfig;
import dev.jcompose.container.RuntimeProbe;
import dev.jcompose.dns.DnsRegistry;
import dev.jcompose.dns.DnsService;
import dev.jcompose.host.HostAccess;
import dev.jcompose.network.EndpointEvents;
import dev.jcompose.network.KernelNetworkLayer;
import dev.jcompose.network.NetworkLayer;
import io.vertx.core.Vertx;

/**
 * What a {@link Stack} drives at the kernel boundary: the container runtime and the network layer.
 * The composition root builds the real ones ({@link #real}); tests may hand the stack others.
 */
public record StackKernel(ContainerRuntime runtime, NetworkLayer network) {

    /**
     * runc/crun under conmon (the runtime the probe finds), and bridges, veths, iptables and the
     * embedded DNS servers (on {@code vertx}, the process's one instance).
     */
    public static StackKernel real(StackSettings settings, HostAccess host, Vertx vertx) {
        OciRuntime oci =
                new RuntimeProbe(host.runner(), settings.paths(), host.environment()).select(host.environment());
        ContainerRuntime runtime = new ConmonRuntime(
                settings.paths(), host.runner(), host.clock(), oci, RuntimeConfig.detect(settings.cgroupParent()));
        KernelNetworkLayer.Options defaults = KernelNetworkLayer.Options.defaults();
        NetworkLayer network = new KernelNetworkLayer(
                settings.paths(),
                host.runner(),
                new KernelNetworkLayer.Options(
                        settings.chains(), defaults.pool(), defaults.ports(), defaults.faults(), EndpointEvents.NONE),
                new DnsService(vertx, new DnsRegistry(), settings.dnsUpstreams(), DnsService.PORT));
        return new StackKernel(runtime, network);
    }
}
