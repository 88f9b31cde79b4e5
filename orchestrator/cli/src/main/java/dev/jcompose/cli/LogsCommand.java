package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.api.LogOptions;
import dev.jcompose.console.LogPrinter;
import dev.jcompose.quantity.GoDuration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose logs}: output of the services' containers. */
@Command(name = "logs", description = "View output from containers.")
final class LogsCommand extends ComposeCommand {
    @Option(
            names = {"-f", "--follow"},
            description = "Follow log output.")
    boolean follow;

    @Option(
            names = {"-n", "--tail"},
            paramLabel = "all|N",
            description = "Number of lines to show from the end of the logs for each container.")
    String tail = "all";

    @Option(
            names = {"-t", "--timestamps"},
            description = "Show timestamps.")
    boolean timestamps;

    @Option(
            names = "--since",
            paramLabel = "TIME",
            description =
                    "Show logs since timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes).")
    String since;

    @Option(names = "--no-log-prefix", description = "Don't print prefix in logs.")
    boolean noLogPrefix;

    @Option(names = "--no-color", description = "Produce monochrome output.")
    boolean noColor;

    @Option(
            names = "--index",
            paramLabel = "N",
            description = "Index of the container if the service has multiple replicas.")
    Integer index;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services (default: all).")
    List<String> services = List.of();

    @Override
    public Integer call() {
        LogOptions options = new LogOptions(services, follow, tail(tail), timestamps, since(since, main.clock.now()));
        String project = projectName();
        LogPrinter printer = new LogPrinter(
                out(),
                err(),
                dev.jcompose.console.LogFormat.of(
                        main.display.ansi(), main.host().terminal(), noColor, noLogPrefix, timestamps));
        withService(compose -> {
            // every prefix padded to the longest name from the first line on, as compose does
            java.util.Set<String> shown = new java.util.HashSet<>();
            compose.ps(project, true).stream()
                    .filter(c -> services.isEmpty() || services.contains(c.service()))
                    .filter(c -> index == null || c.number() == index)
                    .forEach(c -> {
                        shown.add(c.name());
                        printer.register(ContainerLogs.shortName(project, c.name()));
                    });
            ContainerLogs sink = new ContainerLogs(project, printer);
            // --index: one replica's records only (compose's logs --index)
            compose.logs(
                    project,
                    options,
                    index == null
                            ? sink
                            : r -> {
                                if (shown.contains(r.container())) {
                                    sink.accept(r);
                                }
                            });
            return null;
        });
        printer.flush();
        return ExitCode.SUCCESS;
    }

    /** {@code all} or a count; negative means all, as the engine reads it. */
    static int tail(String value) {
        if (value.equals("all")) {
            return -1;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw Usage.error("invalid --tail value \"" + value + "\"", "use a number of lines or \"all\"");
        }
    }

    /** An RFC 3339 time, a unix timestamp, or a Go duration before {@code now} ({@code 42m}); null when absent. */
    static Instant since(String value, Instant now) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notTime) {
            // try the other forms
        }
        if (value.matches("\\d+")) {
            return Instant.ofEpochSecond(Long.parseLong(value));
        }
        try {
            return now.minus(GoDuration.parse(value));
        } catch (IllegalArgumentException e) {
            throw Usage.error(
                    "invalid --since value \"" + value + "\"",
                    "use a time like 2013-01-02T13:23:37Z, a unix timestamp, or a duration like 42m");
        }
    }
}
