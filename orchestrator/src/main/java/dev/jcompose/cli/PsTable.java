package dev.jcompose.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.console.PortPublisher;
import dev.jcompose.console.Ports;
import dev.jcompose.console.Table;
import dev.jcompose.stack.ContainerSummary;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ps} output from the engine's {@link ContainerSummary} rows. The summaries carry no creation
 * or start times, so the table has no CREATED column and STATUS is the state ({@code running (healthy)},
 * {@code exited (1)}) rather than compose's {@code Up 5 minutes}.
 */
final class PsTable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PsTable() {
    }

    static String table(List<ContainerSummary> rows) {
        Table table = Table.docker("NAME", "IMAGE", "COMMAND", "SERVICE", "STATUS", "PORTS");
        for (ContainerSummary c : rows) {
            table.row(c.name(), c.image(), quote(c.command()), c.service(), c.status(), Ports.display(publishers(c)));
        }
        return table.render();
    }

    /** One object per line, keys sorted, as {@code docker compose ps --format json} prints them. */
    static String json(List<ContainerSummary> rows) {
        StringBuilder b = new StringBuilder();
        for (ContainerSummary c : rows) {
            Map<String, Object> f = new TreeMap<>();
            f.put("Command", quote(c.command()));
            f.put("ExitCode", c.exitCode());
            f.put("Health", c.health());
            f.put("ID", c.id());
            f.put("Image", c.image());
            f.put("Name", c.name());
            f.put("Project", c.project());
            f.put("Ports", Ports.display(publishers(c)));
            f.put("Service", c.service());
            f.put("State", c.state());
            f.put("Status", c.status());
            try {
                b.append(JSON.writeValueAsString(f)).append('\n');
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return b.toString();
    }

    private static String quote(String command) {
        return "\"" + command + "\"";
    }

    /** {@code 127.0.0.1:8080->80/tcp} back into a publisher. */
    static List<PortPublisher> publishers(ContainerSummary c) {
        List<PortPublisher> out = new ArrayList<>();
        for (String p : c.ports()) {
            int arrow = p.indexOf("->");
            int slash = p.lastIndexOf('/');
            int colon = p.lastIndexOf(':', arrow);
            if (arrow < 0 || slash < arrow || colon < 0) {
                continue;
            }
            out.add(new PortPublisher(p.substring(0, colon), Integer.parseInt(p.substring(arrow + 2, slash)),
                    Integer.parseInt(p.substring(colon + 1, arrow)), p.substring(slash + 1)));
        }
        return out;
    }
}
