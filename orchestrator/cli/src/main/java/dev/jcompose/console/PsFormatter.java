package dev.jcompose.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code ps} output: the table, {@code --format json} (one object per line) and {@code -q}. */
public final class PsFormatter {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Go's {@code time.Time.String()} in UTC, as compose's CreatedAt. */
    private static final DateTimeFormatter GO_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss Z 'UTC'").withZone(ZoneOffset.UTC);

    private static final int COMMAND_WIDTH = 20;
    /** docker's container formatter shortens each mount name to 15 characters unless --no-trunc. */
    private static final int MOUNT_WIDTH = 15;

    private final Instant now;

    public PsFormatter(Instant now) {
        this.now = now;
    }

    /** {@code noTrunc}: show full commands ({@code --no-trunc}). */
    public String table(List<ContainerView> containers, boolean noTrunc) {
        Table table = Table.docker("NAME", "IMAGE", "COMMAND", "SERVICE", "CREATED", "STATUS", "PORTS");
        for (ContainerView c : containers) {
            table.row(
                    c.name(),
                    c.image(),
                    command(c, !noTrunc),
                    c.service(),
                    StatusText.ago(c.created(), now),
                    StatusText.of(c, now),
                    Ports.display(c.publishers()));
        }
        return table.render();
    }

    /** {@code -q}: full ids, one a line ({@code docker compose ps -q} does not truncate). */
    public String quiet(List<ContainerView> containers) {
        return containers.stream().map(c -> c.id() + "\n").collect(Collectors.joining());
    }

    /**
     * {@code --format json}: one object per container and line, keys sorted as compose prints them;
     * like the table, ids and commands are truncated unless {@code noTrunc}.
     */
    public String json(List<ContainerView> containers, boolean noTrunc) {
        StringBuilder b = new StringBuilder();
        for (ContainerView c : containers) {
            try {
                b.append(JSON.writeValueAsString(jsonFields(c, !noTrunc))).append('\n');
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return b.toString();
    }

    private Map<String, Object> jsonFields(ContainerView c, boolean truncate) {
        Map<String, Object> f = new TreeMap<>();
        f.put("Command", command(c, truncate));
        f.put("CreatedAt", GO_TIME.format(c.created()));
        f.put("ExitCode", c.exitCode());
        f.put("Health", c.health().shown());
        f.put("ID", truncate && c.id().length() > 12 ? c.id().substring(0, 12) : c.id());
        f.put("Image", c.image());
        f.put(
                "Labels",
                c.labels().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(",")));
        f.put("LocalVolumes", Integer.toString(c.localVolumes()));
        f.put(
                "Mounts",
                c.mounts().stream()
                        .map(m -> truncate ? GoText.ellipsis(m, MOUNT_WIDTH) : m)
                        .collect(Collectors.joining(",")));
        f.put("Name", c.name());
        f.put("Names", c.name());
        f.put("Networks", String.join(",", c.networks()));
        f.put("Ports", Ports.display(c.publishers()));
        f.put("Project", c.project());
        f.put("Publishers", c.publishers().stream().map(PsFormatter::publisher).toList());
        f.put("RunningFor", StatusText.ago(c.created(), now));
        f.put("Service", c.service());
        // compose asks the engine for no sizes, so docker's formatter prints a zero writable layer
        f.put("Size", "0B");
        f.put("State", c.state().text());
        f.put("Status", StatusText.of(c, now));
        return f;
    }

    private static Map<String, Object> publisher(PortPublisher p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("URL", p.url());
        m.put("TargetPort", p.targetPort());
        m.put("PublishedPort", p.publishedPort());
        m.put("Protocol", p.protocol());
        return m;
    }

    private static String command(ContainerView c, boolean truncate) {
        return GoText.quote(truncate ? GoText.ellipsis(c.command(), COMMAND_WIDTH) : c.command());
    }
}
