package dev.jcompose.execute;

import java.util.Objects;

/** How one plan node ended. */
public sealed interface NodeOutcome {
    /** One stable line for progress output and golden tests. */
    String describe();

    /** The operation ran and its future succeeded. */
    record Succeeded() implements NodeOutcome {
        @Override
        public String describe() {
            return "succeeded";
        }
    }

    /** The operation ran and failed. */
    record Failed(Throwable cause) implements NodeOutcome {
        public Failed {
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public String describe() {
            return "failed: " + cause.getMessage();
        }
    }

    /** Never ran because {@code failedNode}, which it (transitively) depends on, failed. */
    record Skipped(String failedNode) implements NodeOutcome {
        @Override
        public String describe() {
            return "skipped (" + failedNode + " failed)";
        }
    }

    /** Never ran, or was stopped through the cancel hook, because the execution was cancelled. */
    record Cancelled() implements NodeOutcome {
        @Override
        public String describe() {
            return "cancelled";
        }
    }
}
