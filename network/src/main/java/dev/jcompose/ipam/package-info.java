/**
 * IPv4 address management: values ({@link dev.jcompose.ipam.Ipv4}, {@link dev.jcompose.ipam.Subnet},
 * normalised to its network address), the choice of a subnet for a new network ({@link
 * dev.jcompose.ipam.SubnetPool#dockerDefault()}: docker's 172.17-31.0.0/16 then 192.168.0.0/16 in /20s,
 * skipping anything that overlaps another jcompose network or a route or address of the host, read by
 * {@link dev.jcompose.ipam.HostAddresses} from one {@code ip -j -batch} with the links and the uplink's
 * MTU), and the choice of an address inside one
 * ({@link dev.jcompose.ipam.Leases}: static requests checked, dynamic ones take the lowest free).
 *
 * <p>The choices are pure functions of what is in use; the network layer keeps the leases in its
 * state and makes the choices under its lock, so concurrent starts never get the same address. Depends
 * on {@code host} only (for the command runner); used by the rest of the network module and by the
 * engine's stack.
 */
package dev.jcompose.ipam;
