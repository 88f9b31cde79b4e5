package dev.jcompose.stack;

import dev.jcompose.api.StackEvent;
import dev.jcompose.api.StackException;
import dev.jcompose.container.ContainerRecord;
import dev.jcompose.container.ContainerRuntime;
import dev.jcompose.container.LogLine;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code logs -f} as docker compose follows: the selected containers, plus every one that starts
 * while it runs (a replica added by {@code up --scale}, a service started later, a container its
 * restart policy started again: its log goes on where it stopped, nothing printed twice). It ends
 * when no followed container is left and none of the selection runs or waits for a restart.
 */
final class LogFollow {
    /** How often an idle follow re-checks whether anything of the selection still runs. */
    private static final Duration IDLE_CHECK = Duration.ofMillis(250);

    private final ContainerRuntime runtime;
    private final Supplier<List<ContainerRecord>> selection;
    private final BooleanSupplier anyLive;
    private final BiConsumer<ContainerRecord, LogLine> sink;
    /** Lines of each container's earlier log to show (all when negative), as {@code --tail}. */
    private final int tail;

    private final BlockingQueue<String> started = new LinkedBlockingQueue<>();
    private final AtomicReference<RuntimeException> failed = new AtomicReference<>();
    /** Lines of each container's log already read: a follow after a restart skips them. */
    private final Map<String, Long> read = new HashMap<>();

    private final Map<String, Thread> following = new HashMap<>();
    /** Containers that started again while their follow was ending: it reads on. */
    private final Set<String> again = new HashSet<>();

    /**
     * @param selection the selected containers as they are now
     * @param anyLive   whether one of the selection runs or will be restarted
     * @param tail      how much of each container's earlier log to show, all when negative
     */
    LogFollow(
            ContainerRuntime runtime,
            Supplier<List<ContainerRecord>> selection,
            BooleanSupplier anyLive,
            int tail,
            BiConsumer<ContainerRecord, LogLine> sink) {
        this.runtime = runtime;
        this.tail = tail;
        this.selection = selection;
        this.anyLive = anyLive;
        this.sink = sink;
    }

    /** Follows until done or the calling thread is interrupted; {@code subscribe} hears the project's events. */
    void run(Function<java.util.function.Consumer<StackEvent>, Runnable> subscribe, String project) {
        Runnable unsubscribe = subscribe.apply(e -> {
            if (e.kind().equals("Container")
                    && (e.status().equals("Started") || e.status().equals("Restarted"))) {
                started.add(e.name());
            }
        });
        try {
            List<ContainerRecord> first = selection.get();
            backlog(first);
            first.forEach(this::follow);
            while (true) {
                String name = started.poll(IDLE_CHECK.toMillis(), TimeUnit.MILLISECONDS);
                if (name != null) {
                    selection.get().stream().filter(r -> r.name().equals(name)).forEach(this::follow);
                } else if (idle() && !anyLive.getAsBoolean() && started.isEmpty()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("following the logs of " + project + " was interrupted", null);
        } finally {
            unsubscribe.run();
            synchronized (this) {
                following.values().forEach(Thread::interrupt);
            }
        }
        if (failed.get() != null) {
            throw failed.get();
        }
    }

    /**
     * What the containers logged before the follow began, merged in time order across them (an
     * init container's lines before its dependent's, as compose shows them), the last {@code tail}
     * of each; their follows then skip those lines.
     */
    private void backlog(List<ContainerRecord> records) {
        List<Map.Entry<ContainerRecord, LogLine>> lines = new java.util.ArrayList<>();
        for (ContainerRecord r : records) {
            List<LogLine> all = runtime.logs(r.id(), -1);
            synchronized (this) {
                read.put(r.id(), (long) all.size());
            }
            int from = tail < 0 ? 0 : Math.max(0, all.size() - tail);
            all.subList(from, all.size()).forEach(l -> lines.add(Map.entry(r, l)));
        }
        lines.sort(java.util.Comparator.comparing(e -> e.getValue().time()));
        lines.forEach(e -> sink.accept(e.getKey(), e.getValue()));
    }

    private synchronized boolean idle() {
        return following.isEmpty();
    }

    /** Starts following a container, or tells its ending follow to read on. */
    private synchronized void follow(ContainerRecord r) {
        if (following.containsKey(r.id())) {
            again.add(r.id());
            return;
        }
        // a virtual thread per container, not the engine's bounded pool: a follow lasts as long as its container
        following.put(
                r.id(), Thread.ofVirtual().name("jcompose-follow-" + r.name()).start(() -> readAll(r)));
    }

    private void readAll(ContainerRecord r) {
        try {
            do {
                long skip;
                synchronized (this) {
                    skip = read.getOrDefault(r.id(), 0L);
                }
                long[] n = {0};
                runtime.followLogs(r.id(), l -> {
                    if (++n[0] > skip) {
                        synchronized (this) {
                            read.put(r.id(), n[0]);
                        }
                        sink.accept(r, l);
                    }
                });
            } while (!Thread.currentThread().isInterrupted() && readOn(r.id()));
        } catch (RuntimeException e) {
            failed.compareAndSet(null, e);
            synchronized (this) {
                following.remove(r.id());
            }
        }
    }

    /** Whether the container started again while its log was being drained; if not, its follow ends. */
    private synchronized boolean readOn(String id) {
        if (again.remove(id)) {
            return true;
        }
        following.remove(id);
        return false;
    }
}
