package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.api.ComposeService;
import dev.jcompose.api.ContainerEvent;
import dev.jcompose.api.ContainerSummary;
import dev.jcompose.api.LogOptions;
import dev.jcompose.console.LogPrinter;
import dev.jcompose.state.ContainerState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An attached {@code up} after the containers started: their output (from the moment up began) on
 * one thread; on this one, a watch of their states that prints {@code web-1 exited with code 0},
 * ends when all have exited, stops the project on {@code --abort-on-container-*}, and on Ctrl-C
 * stops gracefully (a second Ctrl-C kills). The watch reads {@code ps} when the engine reports a
 * container event ({@link ContainerWatch}), not on a timer.
 */
final class Foreground {
    /**
     * What the flags ask of the attached session.
     *
     * @param services    the services attached to ({@code --attach}, else those of the command); empty = all
     * @param stopped     what Ctrl-C and an abort stop: the services {@code up} was asked for (all of the
     *                    file's when none), never their dependencies nor orphans, as compose does
     * @param logServices whose logs are printed: with {@code --attach-dependencies} the dependencies
     *                    too, whose exit up does not wait for, as in compose (null: {@code services})
     */
    record Settings(
            String project,
            List<String> services,
            boolean abortOnExit,
            boolean abortOnFailure,
            String exitCodeFrom,
            Instant since,
            boolean timestamps,
            Duration timeout,
            List<String> stopped,
            List<String> logServices) {
        Settings {
            services = List.copyOf(services);
            stopped = List.copyOf(stopped);
            logServices = logServices == null ? services : List.copyOf(logServices);
        }

        /** Printing the logs of the watched services only. */
        Settings(
                String project,
                List<String> services,
                boolean abortOnExit,
                boolean abortOnFailure,
                String exitCodeFrom,
                Instant since,
                boolean timestamps,
                Duration timeout,
                List<String> stopped) {
            this(
                    project,
                    services,
                    abortOnExit,
                    abortOnFailure,
                    exitCodeFrom,
                    since,
                    timestamps,
                    timeout,
                    stopped,
                    null);
        }
    }

    private final ComposeService compose;
    private final Settings settings;
    private final LogPrinter printer;
    private final Function<String, ProgressOutput> progress;
    private final Signals signals;
    private final AtomicInteger interrupts = new AtomicInteger();
    /** Containers whose latest exit is printed: from its die event, or from ps when the event is late. */
    private final java.util.Set<String> exitPrinted = new java.util.HashSet<>();

    private volatile ContainerWatch watch;

    Foreground(
            ComposeService compose,
            Settings settings,
            LogPrinter printer,
            Function<String, ProgressOutput> progress,
            Signals signals) {
        this.signals = signals;
        this.compose = compose;
        this.settings = settings;
        this.printer = printer;
        this.progress = progress;
    }

    int run() {
        // trapped before "Attaching to": a Ctrl-C from then on stops the containers gracefully
        try (Signals.Trap trap = signals.trap(List.of("INT"), name -> interrupted())) {
            List<ContainerSummary> initial = compose.ps(settings.project(), true).stream()
                    .filter(c -> settings.logServices().isEmpty()
                            || settings.logServices().contains(c.service()))
                    .toList();
            printer.attaching(initial.stream().map(c -> shortName(c)).toList());
            Thread logs = Thread.ofPlatform().daemon().name("jcompose-attach").start(this::followLogs);
            try {
                return watch();
            } finally {
                logs.interrupt();
                join(logs);
                printer.flush();
            }
        }
    }

    /** Ctrl-C: the first asks the watch to stop gracefully, the second kills at once. */
    void interrupted() {
        ContainerWatch w = watch;
        if (w != null) {
            w.wake();
        }
        if (interrupts.incrementAndGet() == 2) {
            Thread.ofPlatform()
                    .daemon()
                    .name("jcompose-kill")
                    .start(() -> compose.kill(settings.project(), settings.services(), "SIGKILL", e -> {}));
        }
    }

    private int watch() {
        try (ContainerWatch w = ContainerWatch.start(compose, settings.project(), settings.services())) {
            watch = w;
            return watch(w);
        } finally {
            watch = null;
        }
    }

    private int watch(ContainerWatch changes) {
        Integer codeFrom = null;
        while (true) {
            if (interrupts.get() > 0) {
                printer.gracefullyStopping();
                stopAll();
                return ExitCode.CANCELED;
            }
            List<ContainerEvent> events = changes.takeEvents();
            List<ContainerSummary> now = attached();
            List<Exit> exits = exits(events, now, changes.streaming());
            for (Exit x : exits) {
                printer.exited(x.shortName(), x.code());
                if (x.service().equals(settings.exitCodeFrom())) {
                    codeFrom = x.code();
                }
                if (settings.abortOnExit() || settings.abortOnFailure() && x.code() != 0) {
                    printer.aborting();
                    stopAll();
                    return settings.exitCodeFrom() != null ? exitCodeOf(settings.exitCodeFrom(), codeFrom) : x.code();
                }
            }
            if (now.stream().allMatch(c -> c.state() == ContainerState.EXITED || c.state() == ContainerState.CREATED)) {
                return codeFrom == null ? ExitCode.SUCCESS : codeFrom;
            }
            changes.awaitChange();
        }
    }

    private record Exit(String shortName, String service, int code) {}

    /**
     * Each exit once, as compose prints one line per die: a container restarted by its policy
     * exits (and is printed) again. The die events say it in order; an exit that ps already shows
     * before its event arrived is printed from ps, and its late event then skipped.
     */
    private List<Exit> exits(List<ContainerEvent> events, List<ContainerSummary> now, boolean streaming) {
        List<Exit> out = new java.util.ArrayList<>();
        for (ContainerEvent e : events) {
            String name = e.attributes().getOrDefault("name", "");
            if (e.action().equals("start") || e.action().equals("restart")) {
                exitPrinted.remove(name);
            } else if (e.action().equals("die") && attachedService(e.service()) && exitPrinted.add(name)) {
                int code = Integer.parseInt(e.attributes().getOrDefault("exitCode", "-1"));
                out.add(new Exit(ContainerLogs.shortName(settings.project(), name), e.service(), code));
            }
        }
        // exits ps shows first (ended before the watch listened) come in the order they happened
        List<ContainerSummary> byEnd = now.stream()
                .sorted(java.util.Comparator.comparing(
                        (ContainerSummary c) -> c.finished() == null ? java.time.Instant.MAX : c.finished()))
                .toList();
        for (ContainerSummary c : byEnd) {
            // restarting: it exited (maybe before the watch listened) and waits for its policy's restart
            boolean exited = c.state() == ContainerState.EXITED || c.state() == ContainerState.RESTARTING;
            if (exited && exitPrinted.add(c.name())) {
                out.add(new Exit(shortName(c), c.service(), c.exitCode()));
            } else if (c.state() == ContainerState.RUNNING && !streaming) {
                exitPrinted.remove(c.name()); // polling sees no start event: running again is a new run
            }
        }
        return out;
    }

    private boolean attachedService(String service) {
        return settings.services().isEmpty() || settings.services().contains(service);
    }

    private int exitCodeOf(String service, Integer seen) {
        if (seen != null) {
            return seen;
        }
        return compose.ps(settings.project(), true).stream()
                .filter(c -> c.service().equals(service))
                .mapToInt(ContainerSummary::exitCode)
                .findFirst()
                .orElse(ExitCode.FAILURE);
    }

    private void stopAll() {
        try (ProgressOutput view = progress.apply("Stopping")) {
            compose.stop(settings.project(), settings.stopped(), settings.timeout(), view.listener());
        }
    }

    private void followLogs() {
        try {
            compose.logs(
                    settings.project(),
                    new LogOptions(settings.logServices(), true, -1, settings.timestamps(), settings.since()),
                    new ContainerLogs(settings.project(), printer));
        } catch (JcomposeException e) {
            // canceled when the session ends; a real failure shows in the watch
        }
    }

    private List<ContainerSummary> attached() {
        return compose.ps(settings.project(), true).stream()
                .filter(c ->
                        settings.services().isEmpty() || settings.services().contains(c.service()))
                .toList();
    }

    private String shortName(ContainerSummary c) {
        return ContainerLogs.shortName(settings.project(), c.name());
    }

    private static void join(Thread t) {
        try {
            t.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
