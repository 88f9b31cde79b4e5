/**
 * The embedded DNS: {@link dev.jcompose.dns.DnsService} (the layer's {@code Dns}: one server per
 * network on its gateway, on the engine's Vert.x) answers from one {@link dev.jcompose.dns.DnsRegistry}
 * of names (service, container name, hostname, aliases) per network; {@link dev.jcompose.dns.DnsResponder}
 * is the transport-free answer (bytes in, bytes out: A and PTR records, NXDOMAIN for unknown
 * single-label names, forwarding to the host's resolvers except on internal networks), parsed and
 * built with dnsjava. {@link dev.jcompose.dns.EtcHosts} and {@link dev.jcompose.dns.ResolvConf} render a
 * container's files; pure.
 */
package dev.jcompose.dns;
