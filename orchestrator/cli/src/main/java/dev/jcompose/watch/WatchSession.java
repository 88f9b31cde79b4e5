package dev.jcompose.watch;

import dev.jcompose.JcomposeException;
import dev.jcompose.api.BuildOptions;
import dev.jcompose.api.ComposeService;
import dev.jcompose.api.ContainerSummary;
import dev.jcompose.api.ExecOptions;
import dev.jcompose.api.ExecOutcome;
import dev.jcompose.api.UpOptions;
import dev.jcompose.host.Clock;
import dev.jcompose.model.Project;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.model.WatchRule;
import dev.jcompose.state.ContainerState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code jcompose watch} after {@code up}: watches the selected services' {@code develop.watch}
 * paths in this process (as docker compose does in its CLI), gathers changes until a quiet period
 * passes, then syncs, restarts, rebuilds and runs exec hooks through the compose API. Runs until
 * its thread is interrupted (Ctrl-C); a failed action is reported and watching goes on.
 */
public final class WatchSession {
    /** Short enough for a sync within a second of saving, long enough to take an editor's save as one. */
    public static final Duration QUIET = Duration.ofMillis(150);

    private static final Duration IDLE = Duration.ofSeconds(1);

    private final ComposeService compose;
    private final Project project;
    private final UpOptions up;
    private final List<WatchTrigger> triggers;
    private final Clock clock;
    private final WatchOutput out;

    private WatchSession(
            ComposeService compose,
            Project project,
            UpOptions up,
            List<WatchTrigger> triggers,
            Clock clock,
            WatchOutput out) {
        this.compose = compose;
        this.project = project;
        this.up = up;
        this.triggers = triggers;
        this.clock = clock;
        this.out = out;
    }

    /**
     * A session over the selected services (all when empty) that have {@code develop.watch}; fails
     * with compose's message when none has. {@code up}: the options rebuilt services are recreated with.
     */
    public static WatchSession of(
            ComposeService compose,
            Project project,
            List<String> services,
            UpOptions up,
            Clock clock,
            WatchOutput out) {
        List<WatchTrigger> triggers = new ArrayList<>();
        for (Map.Entry<String, ServiceConfig> s : project.services().entrySet()) {
            if (services.isEmpty() || services.contains(s.getKey())) {
                for (WatchRule rule : WatchRule.of(s.getKey(), s.getValue())) {
                    triggers.add(WatchTrigger.of(rule, s.getValue().build()));
                }
            }
        }
        if (triggers.isEmpty()) {
            throw new JcomposeException(
                    "none of the selected services is configured for watch, consider setting a 'develop' section",
                    "add develop.watch to a service, see https://docs.docker.com/compose/how-tos/file-watch/");
        }
        return new WatchSession(compose, project, up, List.copyOf(triggers), clock, out);
    }

    /** Watches until interrupted. */
    public void run() {
        List<Path> roots =
                triggers.stream().map(t -> t.rule().path()).distinct().sorted().toList();
        try (TreeWatcher watcher = TreeWatcher.open(roots)) {
            initialSync();
            out.line("Watch enabled");
            loop(watcher, new ChangeBatch(QUIET));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.line("Watch disabled");
    }

    private void loop(TreeWatcher watcher, ChangeBatch batch) throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            long now = clock.nanoTime();
            Duration wait = batch.deadline().isPresent()
                    ? Duration.ofNanos(batch.deadline().getAsLong() - now)
                    : IDLE;
            for (Path p : watcher.poll(wait)) {
                batch.add(p, clock.nanoTime());
            }
            List<Path> due = batch.takeIfQuiet(clock.nanoTime());
            if (!due.isEmpty()) {
                handle(WatchPlan.of(triggers, due));
            }
        }
        throw new InterruptedException();
    }

    private void initialSync() {
        for (WatchTrigger t : triggers) {
            if (t.rule().initialSync() && t.rule().action().syncs()) {
                List<WatchTrigger.Mapping> all = SyncPayload.tree(t).stream()
                        .flatMap(p -> t.match(p).stream())
                        .toList();
                guarded(() -> compose.sync(project.name(), t.rule().service(), SyncPayload.of(all)));
            }
        }
    }

    void handle(WatchPlan plan) {
        if (!plan.rebuild().isEmpty()) {
            guarded(() -> rebuild(List.copyOf(plan.rebuild())));
        }
        plan.sync()
                .forEach((service, mappings) -> guarded(() -> {
                    out.line("Syncing service \"" + service + "\" after " + mappings.size() + " changes were detected");
                    compose.sync(project.name(), service, SyncPayload.of(mappings));
                }));
        if (!plan.restart().isEmpty()) {
            List<String> services = List.copyOf(plan.restart());
            guarded(() -> {
                out.progress("Restarting", l -> compose.restart(project.name(), services, null, l));
                out.line("service(s) " + quoted(services) + " restarted");
            });
        }
        plan.exec().forEach(t -> guarded(() -> exec(t)));
    }

    /** Builds the services' images, then recreates just them, as compose's rebuild does. */
    private void rebuild(List<String> services) {
        out.line("Rebuilding service(s) " + quoted(services) + " after changes were detected...");
        out.progress("Building", l -> compose.build(project, new BuildOptions(services, false, false, null), l));
        out.line("service(s) " + quoted(services) + " successfully built");
        UpOptions options = up.withServices(services, true).withRecreate(true, false);
        out.progress("Running", l -> compose.up(project, options, l));
    }

    private void exec(WatchTrigger t) {
        String service = t.rule().service();
        Set<Integer> numbers = compose.ps(project.name(), false).stream()
                .filter(c -> c.service().equals(service) && c.state() == ContainerState.RUNNING)
                .map(ContainerSummary::number)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        for (int n : numbers) {
            ExecOutcome o = compose.exec(
                    project.name(), new ExecOptions(service, n, t.rule().exec(), null, null, Map.of()));
            if (o.exitCode() != 0) {
                out.error("exec " + t.rule().exec() + " in " + service + " #" + n + " exited with code " + o.exitCode()
                        + ": " + o.stderr().strip());
            }
        }
    }

    private void guarded(Runnable action) {
        try {
            action.run();
        } catch (JcomposeException e) {
            out.error("Error handling changed files: " + e.getMessage());
        }
    }

    /** Go's {@code %q} of a string list: {@code ["app" "db"]}. */
    private static String quoted(List<String> services) {
        return services.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(" ", "[", "]"));
    }
}
