package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.api.ContainerSummary;
import dev.jcompose.api.PortBinding;
import dev.jcompose.console.PortFormatter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose port SERVICE PRIVATE_PORT}: the host address a container port is published on. */
@Command(name = "port", description = "Print the public port for a port binding.")
final class PortCommand extends ComposeCommand {
    @Option(names = "--protocol", paramLabel = "tcp|udp", description = "tcp or udp.")
    String protocol = "tcp";

    @Option(
            names = "--index",
            paramLabel = "N",
            description = "Index of the container if the service has multiple replicas.")
    int index = 1;

    @Parameters(index = "0", paramLabel = "SERVICE")
    String service;

    @Parameters(index = "1", paramLabel = "PRIVATE_PORT")
    int privatePort;

    @Override
    public Integer call() {
        if (!protocol.equals("tcp") && !protocol.equals("udp")) {
            throw Usage.error("invalid --protocol \"" + protocol + "\"", "use tcp or udp");
        }
        String project = projectName(List.of(service));
        String address = withService(compose -> {
            Optional<PortBinding> binding = compose.port(project, service, index, privatePort, protocol);
            return binding.flatMap(b -> PortFormatter.published(List.of(PsTable.publisher(b)), privatePort, protocol))
                    .orElseThrow(() -> notPublished(compose.ps(project, false)));
        });
        out().println(address);
        out().flush();
        return ExitCode.SUCCESS;
    }

    /** docker compose's {@code no port 81/tcp for container demo-web-1: 80/tcp}, naming the ports it has. */
    JcomposeException notPublished(List<ContainerSummary> running) {
        Optional<ContainerSummary> container = running.stream()
                .filter(c -> c.service().equals(service) && c.number() == index)
                .findFirst();
        String ports = container
                .map(c -> c.ports().stream()
                        .map(p -> p.containerPort() + "/" + p.protocol())
                        .distinct()
                        .collect(java.util.stream.Collectors.joining(", ")))
                .orElse("");
        return new JcomposeException(
                "no port " + privatePort + "/" + protocol + " for container "
                        + container.map(ContainerSummary::name).orElse(service) + ": " + ports,
                "publish it under the service's ports:",
                ExitCode.FAILURE);
    }
}
