package dev.jcompose.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs project-scoped methods one at a time per project, in arrival order. Docker compose neither
 * queues nor rejects a second command on the same project (they race); queueing with a visible
 * "waiting" event keeps the outcome deterministic and tells the user why nothing happens yet.
 * Confined to the engine context.
 */
final class ProjectQueue {
    private record Waiting(Supplier<Future<JsonNode>> work, Promise<JsonNode> result) {}

    /** A project is busy while it has an entry; the deque holds the calls waiting behind it. */
    private final Map<String, Deque<Waiting>> busy = new HashMap<>();

    Future<JsonNode> run(
            String project,
            String method,
            Handler.Events events,
            Cancellation cancellation,
            Supplier<Future<JsonNode>> work) {
        Deque<Waiting> queue = busy.get(project);
        if (queue == null) {
            busy.put(project, new ArrayDeque<>());
            return start(project, work);
        }
        events.emit(waitingEvent(project));
        Waiting waiting = new Waiting(work, Promise.promise());
        queue.addLast(waiting);
        cancellation.onCancel(() -> {
            if (queue.remove(waiting)) {
                waiting.result().fail(Cancellation.cancelled(method));
            }
        });
        return waiting.result().future();
    }

    static ObjectNode waitingEvent(String project) {
        ObjectNode event = FrameCodec.object();
        event.put("kind", "waiting");
        event.put("project", project);
        event.put("message", "waiting for another jcompose command on project " + project);
        return event;
    }

    private Future<JsonNode> start(String project, Supplier<Future<JsonNode>> work) {
        Future<JsonNode> running;
        try {
            running = work.get();
        } catch (RuntimeException e) {
            running = Future.failedFuture(e);
        }
        return running.andThen(done -> next(project));
    }

    private void next(String project) {
        Deque<Waiting> queue = busy.get(project);
        Waiting following = queue.pollFirst();
        if (following == null) {
            busy.remove(project);
            return;
        }
        start(project, following.work()).onComplete(following.result());
    }
}
