package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
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
        String project = projectName();
        Optional<PortBinding> binding =
                withService(compose -> compose.port(project, service, index, privatePort, protocol));
        Optional<String> address =
                binding.flatMap(b -> PortFormatter.published(List.of(PsTable.publisher(b)), privatePort, protocol));
        out().println(address.orElseThrow(() -> new JcomposeException(
                "no port " + privatePort + "/" + protocol + " is published for " + service + " (container " + index
                        + ")",
                "publish it under the service's ports:",
                ExitCode.FAILURE)));
        out().flush();
        return ExitCode.SUCCESS;
    }
}
