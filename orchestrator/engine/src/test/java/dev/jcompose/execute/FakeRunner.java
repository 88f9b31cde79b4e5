package dev.jcompose.execute;

import dev.jcompose.plan.Step;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An operation runner whose operations finish when the test says so. */
final class FakeRunner implements OperationRunner<String> {
    final Map<String, Promise<Void>> running = new HashMap<>();
    final List<String> started = new ArrayList<>();
    final List<String> cancelRequests = new ArrayList<>();
    /** Ids whose operations succeed at once, inside run(). */
    final List<String> immediate = new ArrayList<>();

    @Override
    public Future<?> run(Step<String> step) {
        started.add(step.id());
        if (immediate.contains(step.id())) {
            return Future.succeededFuture();
        }
        Promise<Void> promise = Promise.promise();
        running.put(step.id(), promise);
        return promise.future();
    }

    @Override
    public void cancel(Step<String> step) {
        cancelRequests.add(step.id());
    }

    void succeed(String id) {
        running.remove(id).complete();
    }

    void fail(String id, String message) {
        running.remove(id).fail(new IllegalStateException(message));
    }
}
