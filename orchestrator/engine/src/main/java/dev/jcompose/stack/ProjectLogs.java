package dev.jcompose.stack;

import dev.jcompose.api.LogOptions;
import dev.jcompose.api.LogRecord;
import dev.jcompose.container.ContainerRecord;
import dev.jcompose.container.ContainerRuntime;
import dev.jcompose.container.LogLine;
import dev.jcompose.observe.Labels;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code logs}: the selected containers' log lines, read once or followed ({@code -f}, {@link
 * LogFollow}: also containers started meanwhile) until none runs and every log is drained. One
 * sink, called by one thread at a time.
 */
final class ProjectLogs {
    private final ContainerRuntime runtime;
    private final String projectName;
    private final List<ContainerRecord> records;
    private final java.util.function.Supplier<List<ContainerRecord>> selection;
    private final java.util.function.BooleanSupplier anyLive;
    private final java.util.function.Function<Consumer<dev.jcompose.api.StackEvent>, Runnable> subscribe;

    /**
     * @param selection the selected containers as they are now (a follow picks up new ones)
     * @param anyLive   whether one of them runs or waits for a restart (a follow goes on)
     * @param subscribe hears the project's events until the returned handle runs
     */
    ProjectLogs(
            ContainerRuntime runtime,
            String projectName,
            java.util.function.Supplier<List<ContainerRecord>> selection,
            java.util.function.BooleanSupplier anyLive,
            java.util.function.Function<Consumer<dev.jcompose.api.StackEvent>, Runnable> subscribe) {
        this.runtime = runtime;
        this.projectName = projectName;
        this.selection = selection;
        this.records = List.copyOf(selection.get());
        this.anyLive = anyLive;
        this.subscribe = subscribe;
    }

    void read(LogOptions options, Consumer<LogRecord> sink) {
        Consumer<LogRecord> safe = r -> {
            synchronized (sink) {
                sink.accept(r);
            }
        };
        if (!options.follow()) {
            for (ContainerRecord r : records) {
                runtime.logs(r.id(), options.tail()).stream()
                        .filter(l -> keep(options, l))
                        .forEach(l -> safe.accept(record(r, l)));
            }
            return;
        }
        new LogFollow(runtime, selection, anyLive, options.tail(), (r, l) -> {
                    if (keep(options, l)) {
                        safe.accept(record(r, l));
                    }
                })
                .run(subscribe, projectName);
    }

    private static boolean keep(LogOptions o, LogLine l) {
        return o.since() == null || !l.time().isBefore(o.since());
    }

    private static LogRecord record(ContainerRecord r, LogLine l) {
        return new LogRecord(
                r.name(), r.labels().get(Labels.SERVICE), l.time(), l.stream() == LogLine.Stream.STDERR, l.text());
    }
}
