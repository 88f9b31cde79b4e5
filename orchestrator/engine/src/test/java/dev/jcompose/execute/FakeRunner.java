package dev.jcompose.execute;

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
    public Future<?> run(PlanNode<String> node) {
        started.add(node.id());
        if (immediate.contains(node.id())) {
            return Future.succeededFuture();
        }
        Promise<Void> promise = Promise.promise();
        running.put(node.id(), promise);
        return promise.future();
    }

    @Override
    public void cancel(PlanNode<String> node) {
        cancelRequests.add(node.id());
    }

    void succeed(String id) {
        running.remove(id).complete();
    }

    void fail(String id, String message) {
        running.remove(id).fail(new IllegalStateException(message));
    }
}
