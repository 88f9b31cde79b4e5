package dev.jcompose.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.ExitCode;
import dev.jcompose.api.ContainerEvent;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jcompose events [--json] [SERVICE...]}: the project's container events as they happen
 * (create, start, die, stop, kill, destroy, health_status...), until Ctrl-C.
 */
@Command(name = "events", description = "Receive real time events from containers (until Ctrl-C).")
final class EventsCommand extends ComposeCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--json", description = "Output events as a stream of json objects.")
    boolean json;

    @Parameters(arity = "0..*", paramLabel = "SERVICE")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        String project = projectName(services);
        PrintWriter out = out();
        withService(compose -> {
            compose.events(project, services, printer(out, json));
            return null;
        });
        return ExitCode.SUCCESS;
    }

    /** Prints each event on its own line and flushes it, so a pipe sees it at once. */
    static Consumer<ContainerEvent> printer(PrintWriter out, boolean json) {
        return e -> {
            synchronized (out) {
                out.println(json ? jsonLine(e) : e.renderText());
                out.flush();
            }
        };
    }

    /** compose's {@code --json} object: time, type, action, id, service, attributes. */
    static String jsonLine(ContainerEvent e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("time", e.formattedTime());
        node.put("type", e.type());
        node.put("action", e.action());
        node.put("id", e.id());
        node.put("service", e.service());
        ObjectNode attributes = node.putObject("attributes");
        e.attributes().forEach(attributes::put);
        return node.toString();
    }
}
