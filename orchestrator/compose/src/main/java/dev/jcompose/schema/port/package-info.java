/**
 * {@code ports} in both syntaxes to compose-go's long form ({@code ServicePortConfig}):
 * {@link dev.jcompose.schema.port.PortSyntax} parses the short syntax
 * {@code [ip:][host[-host]:]container[-container][/proto]} as docker's {@code nat.ParsePortSpec} does
 * (a container range expands to one entry per port), checks the long syntax, and reports errors in
 * docker's wording ({@code invalid containerPort: x}).
 *
 * <p>Used by the service normaliser ({@code dev.jcompose.schema.service}); after normalisation ports
 * travel as typed {@link dev.jcompose.model.ServicePort} records and are never parsed again.
 */
package dev.jcompose.schema.port;
