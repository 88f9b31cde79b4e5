package dev.jcompose.cli;

import dev.jcompose.api.LogRecord;
import dev.jcompose.console.LogChunk;
import dev.jcompose.console.LogPrinter;
import dev.jcompose.console.LogStream;
import java.util.function.Consumer;

/** Feeds the engine's {@link LogRecord}s to a {@link LogPrinter}, named as compose names them ({@code web-1}). */
final class ContainerLogs implements Consumer<LogRecord> {
    private final String project;
    private final LogPrinter printer;

    ContainerLogs(String project, LogPrinter printer) {
        this.project = project;
        this.printer = printer;
    }

    /** {@code shop-web-1} is shown as {@code web-1}; a name outside the project's pattern as it is. */
    static String shortName(String project, String container) {
        return container.startsWith(project + "-") ? container.substring(project.length() + 1) : container;
    }

    @Override
    public void accept(LogRecord r) {
        printer.print(new LogChunk(
                shortName(project, r.container()),
                r.service(),
                r.stderr() ? LogStream.STDERR : LogStream.STDOUT,
                r.time(),
                r.text() + "\n"));
    }
}
