package dev.jcompose.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One line of the engine protocol. The client sends {@link Call} and {@link Cancel}; the engine
 * answers each call with any number of {@link Event}s and exactly one {@link Result} or
 * {@link Failure}, all carrying the call's id.
 */
public sealed interface Frame {
    long id();

    /** {@code {"id":N,"method":"up","params":{...}}} */
    record Call(long id, String method, JsonNode params) implements Frame {
        public Call {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(params, "params");
        }
    }

    /** {@code {"id":N,"cancel":true}}: the user pressed Ctrl-C during call N. */
    record Cancel(long id) implements Frame {}

    /** {@code {"id":N,"event":{...}}}: progress or a log line, in the order the engine emitted it. */
    record Event(long id, JsonNode event) implements Frame {
        public Event {
            Objects.requireNonNull(event, "event");
        }
    }

    /** {@code {"id":N,"result":{...}}}: call N succeeded; nothing follows for N. */
    record Result(long id, JsonNode result) implements Frame {
        public Result {
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * {@code {"id":N,"error":{"message":...,"hint":...,"exitCode":N}}}: call N failed; the client
     * rethrows it as a {@link dev.jcompose.JcomposeException} with the same three fields.
     */
    record Failure(long id, String message, String hint, int exitCode) implements Frame {
        public Failure {
            Objects.requireNonNull(message, "message");
        }
    }
}
