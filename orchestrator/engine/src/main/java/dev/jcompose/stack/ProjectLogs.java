package dev.jcompose.stack;

import dev.jcompose.api.LogOptions;
import dev.jcompose.api.LogRecord;
import dev.jcompose.api.StackException;
import dev.jcompose.container.ContainerRecord;
import dev.jcompose.container.ContainerRuntime;
import dev.jcompose.container.LogLine;
import dev.jcompose.observe.Labels;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code logs}: the selected containers' log lines, read once or followed ({@code -f}) until every
 * container has exited and its log is drained. One sink, called by one thread at a time.
 */
final class ProjectLogs {
    private final ContainerRuntime runtime;
    private final String projectName;
    private final List<ContainerRecord> records;

    ProjectLogs(ContainerRuntime runtime, String projectName, List<ContainerRecord> records) {
        this.runtime = runtime;
        this.projectName = projectName;
        this.records = List.copyOf(records);
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
        // One virtual thread per container, not the engine's bounded worker pool: a follow lasts as long as
        // its container, and an interrupted caller (a cancelled `logs -f`) must be able to end them all.
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failed =
                new java.util.concurrent.atomic.AtomicReference<>();
        List<Thread> follows = records.stream()
                .map(r -> Thread.ofVirtual().name("jcompose-follow-" + r.name()).start(() -> {
                    try {
                        runtime.followLogs(r.id(), l -> {
                            if (keep(options, l)) {
                                safe.accept(record(r, l));
                            }
                        });
                    } catch (RuntimeException e) {
                        failed.compareAndSet(null, e);
                    }
                }))
                .toList();
        try {
            for (Thread t : follows) {
                t.join();
            }
        } catch (InterruptedException e) {
            follows.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            throw new StackException("following the logs of " + projectName + " was interrupted", null);
        }
        if (failed.get() != null) {
            throw failed.get();
        }
    }

    private static boolean keep(LogOptions o, LogLine l) {
        return o.since() == null || !l.time().isBefore(o.since());
    }

    private static LogRecord record(ContainerRecord r, LogLine l) {
        return new LogRecord(
                r.name(), r.labels().get(Labels.SERVICE), l.time(), l.stream() == LogLine.Stream.STDERR, l.text());
    }
}
