/**
 * The network layer the engine holds: the {@link dev.jcompose.network.NetworkLayer} interface
 * (networks, endpoints, DNS, recovery) and its real implementation
 * {@link dev.jcompose.network.KernelNetworkLayer}, which wires {@link dev.jcompose.network.NetworkService}
 * (bridges and their address pools) and {@link dev.jcompose.network.EndpointService} (a container's
 * namespace, veths, leases and published ports) to the kernel through the small applier
 * {@code Kernel}. Both services journal their work in {@link dev.jcompose.network.NetworkState}
 * ({@code CREATING}, {@code READY}, {@code REMOVING}, with the owning process) under a file lock, so a
 * killed process's half-done work is finished or undone by {@link dev.jcompose.network.NetworkLayer#recover()}
 * and never by a live one. The allocation rules are pure static methods shared with the test-jar's
 * in-memory {@code FakeNetworkLayer}; both pass {@code NetworkLayerContract}. Decisions are in the
 * module's README.
 */
package dev.jcompose.network;
