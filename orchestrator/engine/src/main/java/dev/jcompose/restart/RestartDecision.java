package dev.jcompose.restart;

import dev.jcompose.quantity.GoDuration;
import java.time.Duration;

/** What to do after a container exited, with the history to remember either way. */
public sealed interface RestartDecision {
    RestartHistory next();

    String describe();

    record Restart(Duration delay, RestartHistory next) implements RestartDecision {
        @Override
        public String describe() {
            return "restart #" + next.restartCount() + " after " + GoDuration.format(delay);
        }
    }

    record GiveUp(String reason, RestartHistory next) implements RestartDecision {
        @Override
        public String describe() {
            return "give up: " + reason;
        }
    }
}
