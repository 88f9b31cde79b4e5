package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.api.ContainerSummary;
import dev.jcompose.state.ContainerState;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose ps}: the project's containers. */
@Command(name = "ps", description = "List containers.")
final class PsCommand extends ComposeCommand {
    static final List<String> STATES =
            List.of("paused", "restarting", "removing", "running", "dead", "created", "exited");

    @Option(
            names = {"-a", "--all"},
            description = "Show all stopped containers.")
    boolean all;

    @Option(
            names = {"-q", "--quiet"},
            description = "Only display IDs.")
    boolean quiet;

    @Option(names = "--services", description = "Display services.")
    boolean servicesOnly;

    @Option(
            names = "--status",
            paramLabel = "STATUS",
            description = "Filter services by status: ${COMPLETION-CANDIDATES}.")
    List<String> status = List.of();

    @Option(names = "--format", paramLabel = "table|json", description = "Format the output: table (default) or json.")
    String format = "table";

    @Option(names = "--no-trunc", description = "Don't truncate output.")
    boolean noTrunc;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services (default: all).")
    List<String> services = List.of();

    @Override
    public Integer call() {
        status.stream().filter(s -> !STATES.contains(s)).findFirst().ifPresent(s -> {
            throw Usage.error("invalid --status value \"" + s + "\"", "use one of " + String.join(", ", STATES));
        });
        if (!format.equals("table") && !format.equals("json")) {
            throw Usage.error("unsupported --format \"" + format + "\"", "use --format table or --format json");
        }
        Set<ContainerState> wanted = status.stream().map(ContainerState::parse).collect(Collectors.toSet());
        String project = projectName(services);
        boolean stopped = all || !status.isEmpty();
        // docker compose lists the one-off (run) containers with the stopped ones, after the services'
        List<ContainerSummary> rows = withService(compose -> stopped
                        ? java.util.stream.Stream.concat(
                                        compose.ps(project, true).stream(), compose.oneOffs(project).stream())
                                .toList()
                        : compose.ps(project, false))
                .stream()
                .filter(c -> services.isEmpty() || services.contains(c.service()))
                .filter(c -> wanted.isEmpty() || wanted.contains(c.state()))
                .toList();
        out().print(render(rows, main.clock.now()));
        out().flush();
        return ExitCode.SUCCESS;
    }

    /** {@code now}: what CREATED and STATUS count from. */
    String render(List<ContainerSummary> rows, java.time.Instant now) {
        if (servicesOnly) {
            return rows.stream()
                    .map(ContainerSummary::service)
                    .distinct()
                    .map(s -> s + "\n")
                    .collect(Collectors.joining());
        }
        if (quiet) {
            return rows.stream().map(c -> c.id() + "\n").collect(Collectors.joining());
        }
        return format.equals("json") ? PsTable.json(rows, now, noTrunc) : PsTable.table(rows, now, noTrunc);
    }
}
