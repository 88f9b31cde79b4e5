package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import java.util.List;
import java.util.SortedMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code jcompose top}: the processes of each running container, as {@code PID CMD} lines under its name. */
@Command(name = "top", description = "Display the running processes.")
final class TopCommand extends ComposeCommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services (default: all).")
    List<String> services = List.of();

    @Override
    public Integer call() {
        String project = projectName();
        SortedMap<String, List<String>> top = withService(compose -> compose.top(project, services));
        out().print(render(top));
        out().flush();
        return ExitCode.SUCCESS;
    }

    static String render(SortedMap<String, List<String>> top) {
        StringBuilder b = new StringBuilder();
        top.forEach((container, processes) -> {
            b.append(container).append('\n');
            dev.jcompose.console.Table table = dev.jcompose.console.Table.docker("PID", "CMD");
            for (String p : processes) {
                int space = p.indexOf(' ');
                table.row(space < 0 ? p : p.substring(0, space), space < 0 ? "" : p.substring(space + 1));
            }
            b.append(table.render()).append('\n');
        });
        return b.toString();
    }
}
