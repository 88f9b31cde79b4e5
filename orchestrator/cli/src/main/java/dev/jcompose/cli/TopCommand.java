package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.api.ContainerProcess;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code jcompose top}: the processes of each running container under its name, with the columns
 * docker's top prints ({@code ps -ef}'s: UID PID PPID C STIME TTY TIME CMD).
 */
@Command(name = "top", description = "Display the running processes.")
final class TopCommand extends ComposeCommand {
    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("MMMdd", Locale.ROOT);

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services (default: all).")
    List<String> services = List.of();

    @Override
    public Integer call() {
        String project = projectName(services);
        SortedMap<String, List<ContainerProcess>> top = withService(compose -> compose.top(project, services));
        // ps prints start times in the local time zone
        out().print(render(top, main.clock.now(), ZoneId.systemDefault()));
        out().flush();
        return ExitCode.SUCCESS;
    }

    static String render(SortedMap<String, List<ContainerProcess>> top, Instant now, ZoneId zone) {
        StringBuilder b = new StringBuilder();
        top.forEach((container, processes) -> {
            b.append(container).append('\n');
            dev.jcompose.console.Table table =
                    dev.jcompose.console.Table.docker("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");
            for (ContainerProcess p : processes) {
                table.row(
                        p.user(),
                        Long.toString(p.pid()),
                        Long.toString(p.ppid()),
                        Integer.toString(p.cpuPercent()),
                        startTime(p.started(), now, zone),
                        p.tty(),
                        cpuTime(p.cpuTime()),
                        p.command());
            }
            b.append(table.render()).append('\n');
        });
        return b.toString();
    }

    /** ps's STIME: the time of day within the last 24 hours, else month and day this year, else the year. */
    static String startTime(Instant started, Instant now, ZoneId zone) {
        ZonedDateTime at = started.atZone(zone);
        if (Duration.between(started, now).compareTo(Duration.ofDays(1)) < 0) {
            return TODAY.format(at);
        }
        return at.getYear() == now.atZone(zone).getYear() ? THIS_YEAR.format(at) : Integer.toString(at.getYear());
    }

    /** ps's TIME: {@code HH:MM:SS}, with {@code D-} in front past a day. */
    static String cpuTime(Duration cpu) {
        long s = cpu.toSeconds();
        String hms = String.format(Locale.ROOT, "%02d:%02d:%02d", (s / 3600) % 24, (s / 60) % 60, s % 60);
        return s >= 86_400 ? (s / 86_400) + "-" + hms : hms;
    }
}
