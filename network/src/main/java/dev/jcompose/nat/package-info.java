/**
 * Published ports and firewall rules: {@link dev.jcompose.nat.PortAllocator} turns a container's
 * {@link dev.jcompose.nat.PortRequest}s into {@link dev.jcompose.nat.PublishedPort}s (ephemeral host
 * ports from docker's 49153 up, every port bind-probed first through {@link dev.jcompose.nat.PortProbe};
 * one conflict fails the whole request), {@link dev.jcompose.nat.NatPlanner} computes from the networks
 * ({@link dev.jcompose.nat.NatNetwork}) and published ports the complete content of jcompose's own
 * chains as a {@link dev.jcompose.nat.RuleSet} of {@link dev.jcompose.nat.Rule} values, and {@link
 * dev.jcompose.nat.Iptables} applies it in one {@code iptables-restore --noflush} batch plus one hook
 * per built-in chain.
 *
 * <p>Why a pure planner and whole chains: the same input always gives the same rules in the same
 * order, so they are compared with golden files, and re-applying them after a restart converges the
 * kernel onto the state on disk. jcompose never edits rules of chains it does not own ({@link
 * dev.jcompose.nat.Chains}); every rule carries a {@code jcompose:<owner>} comment. Depends on {@code
 * host} and {@code ipam}; driven by the network layer, which calls the allocator under its state lock.
 * The reasons behind the rules (isolation, hairpin, the 127.0.0.1 guard) are in {@code
 * network/README.md}.
 */
package dev.jcompose.nat;
