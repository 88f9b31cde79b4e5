package dev.jcompose.cli;

import dev.jcompose.api.ContainerSummary;
import dev.jcompose.api.PortBinding;
import dev.jcompose.console.ContainerView;
import dev.jcompose.console.PortPublisher;
import dev.jcompose.console.PsFormatter;
import java.time.Instant;
import java.util.List;

/**
 * {@code ps} output from the engine's {@link ContainerSummary} rows, as docker compose prints it
 * ({@link PsFormatter}): STATUS {@code Up 5 minutes (healthy)}, {@code Exited (1) 2 minutes ago}, a
 * CREATED column, and compose's JSON fields. {@code now} is the CLI's clock (a fixed one in tests).
 */
final class PsTable {
    private PsTable() {}

    static String table(List<ContainerSummary> rows, Instant now, boolean noTrunc) {
        return new PsFormatter(now).table(views(rows, now), noTrunc);
    }

    /** One object per line, keys sorted, as {@code docker compose ps --format json} prints them. */
    static String json(List<ContainerSummary> rows, Instant now, boolean noTrunc) {
        return new PsFormatter(now).json(views(rows, now), noTrunc);
    }

    private static List<ContainerView> views(List<ContainerSummary> rows, Instant now) {
        return rows.stream().map(c -> view(c, now)).toList();
    }

    /** A summary as the formatter sees it; a row without a creation time (an older engine) reads as new. */
    static ContainerView view(ContainerSummary c, Instant now) {
        return new ContainerView(
                c.id(),
                c.name(),
                c.image(),
                c.command(),
                c.project(),
                c.service(),
                c.created() == null ? now : c.created(),
                c.state(),
                c.started(),
                c.finished(),
                c.exitCode(),
                c.health(),
                publishers(c),
                c.labels(),
                c.networks(),
                c.mounts(),
                c.localVolumes());
    }

    static List<PortPublisher> publishers(ContainerSummary c) {
        return c.ports().stream().map(PsTable::publisher).toList();
    }

    /** The engine's port as the console's publisher (compose's JSON names). */
    static PortPublisher publisher(PortBinding p) {
        return new PortPublisher(p.hostIp(), p.containerPort(), p.hostPort(), p.protocol());
    }
}
