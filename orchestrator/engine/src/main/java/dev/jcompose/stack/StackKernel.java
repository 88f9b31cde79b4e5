package dev.jcompose.stack;

import dev.jcompose.container.ConmonRuntime;
import dev.jcompose.container.ContainerRuntime;
import dev.jcompose.container.OciRuntime;
import dev.jcompose.container.RuntimeConfig;
import dev.jcompose.container.RuntimeProbe;
import dev.jcompose.host.HostAccess;
import dev.jcompose.network.EndpointEvents;
import dev.jcompose.network.NetworkLayer;

/**
 * What a {@link Stack} drives at the kernel boundary: the container runtime and the network layer.
 * The composition root builds the real ones ({@link #real}); tests may hand the stack others.
 */
public record StackKernel(ContainerRuntime runtime, NetworkLayer network) {

    /** runc/crun under conmon (the runtime the probe finds), and bridges, veths and iptables. */
    public static StackKernel real(StackSettings settings, HostAccess host) {
        OciRuntime oci =
                new RuntimeProbe(host.runner(), settings.paths(), host.environment()).select(host.environment());
        ContainerRuntime runtime = new ConmonRuntime(
                settings.paths(), host.runner(), host.clock(), oci, RuntimeConfig.detect(settings.cgroupParent()));
        NetworkLayer.Options defaults = NetworkLayer.Options.defaults();
        NetworkLayer network = new NetworkLayer(
                settings.paths(),
                host.runner(),
                new NetworkLayer.Options(
                        settings.chains(), defaults.pool(), defaults.ports(), defaults.faults(), EndpointEvents.NONE));
        return new StackKernel(runtime, network);
    }
}
