/**
 * What the engine asks of the network for one container, as values: {@link dev.jcompose.endpoint.EndpointSpec}
 * (id, DNS names, {@link dev.jcompose.endpoint.NetworkMode}, {@link dev.jcompose.endpoint.AttachmentRequest}s
 * per network, published ports) and the pure {@link dev.jcompose.endpoint.LinkPlan}, the {@code ip -batch}
 * scripts that wire it (host side: veth pairs onto the bridges; inside: lo, addresses, default
 * route), which {@code EndpointService} applies.
 */
package dev.jcompose.endpoint;
