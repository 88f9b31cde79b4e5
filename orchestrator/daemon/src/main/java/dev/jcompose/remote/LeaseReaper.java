package dev.jcompose.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.api.DownOptions;
import dev.jcompose.daemon.MethodRegistry;
import dev.jcompose.daemon.StackEnvironment;
import dev.jcompose.engine.EngineContext;
import dev.jcompose.host.HostAccess;
import dev.jcompose.lease.LeaseBook;
import dev.jcompose.lease.LeaseWatch;
import dev.jcompose.stack.StackPaths;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Takes down the projects whose owner is gone (see {@link dev.jcompose.api.ProjectLease}): every
 * {@link #PERIOD} it reads the lease book and, for each project due, makes the engine call
 * {@code compose.down -v --remove-orphans} on itself, queued behind the project's other commands
 * like a CLI's. The first check runs when the engine starts, so an engine started after an owner
 * died reaps what it held. Checks never overlap: the next is armed when one is done.
 */
final class LeaseReaper {
    static final Duration PERIOD = Duration.ofSeconds(1);

    private final EngineContext engine;
    private final MethodRegistry methods;
    private final HostAccess host;
    private final LeaseBook book;
    private final LeaseWatch watch;
    /** Projects whose down is queued or running (engine context only). */
    private final Set<String> reaping = new HashSet<>();

    LeaseReaper(EngineContext engine, MethodRegistry methods, HostAccess host) {
        this.engine = engine;
        this.methods = methods;
        this.host = host;
        this.book = new LeaseBook(
                new StackPaths(StackEnvironment.settings(host.environment()).paths()).leases());
        this.watch = new LeaseWatch(host.processes());
    }

    void start() {
        engine.execute(this::check);
    }

    private void check() {
        engine.blocking(() -> watch.due(book.all(LeaseReaper::log), host.clock().now()))
                .onComplete(done -> {
                    if (done.succeeded()) {
                        done.result().stream().filter(reaping::add).forEach(this::reap);
                    } else {
                        log("cannot check the leases: " + done.cause().getMessage());
                    }
                    engine.scheduler().setTimer(PERIOD, this::check);
                });
    }

    private void reap(String project) {
        log("the process holding project " + project + " is gone: taking the project down (down -v)");
        ObjectNode params = WireJson.object();
        params.put("project", project);
        params.set("options", WireJson.tree(new DownOptions(true, true, null, null)));
        methods.callInternally("compose.down", params).onComplete(done -> {
            reaping.remove(project);
            if (done.succeeded()) {
                log("project " + project + " taken down");
            } else {
                watch.failed(project, host.clock().now());
                log("cannot take project " + project + " down: " + done.cause().getMessage() + " (retrying)");
            }
        });
    }

    /** The engine's standard streams go to its log. */
    private static void log(String message) {
        System.err.println("jcompose engine: " + message);
    }
}
