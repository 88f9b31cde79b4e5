/**
 * One Linux bridge per compose network: {@link dev.jcompose.bridge.NetworkSpec} is a compose network
 * as the network layer sees it, {@link dev.jcompose.bridge.BridgePlanner} gives the host commands (as
 * {@link dev.jcompose.host.Command} values) that create and delete its bridge, {@link
 * dev.jcompose.bridge.LinkNames} names bridges and host-side veths (a new bridge takes the MTU of the
 * default route's interface, which {@link dev.jcompose.ipam.HostAddresses} reads).
 *
 * <p>Interface names are derived from a hash of the network (and endpoint) name, stable and within
 * the kernel's 15 characters, so a restarted process finds its links again. Planning is pure; running
 * the commands, and recording the bridge in the network state, is the network layer's job
 * ({@code dev.jcompose.network}); the engine's stack hands it {@code NetworkSpec}s. Depends on
 * {@code host} and {@code ipam}.
 */
package dev.jcompose.bridge;
