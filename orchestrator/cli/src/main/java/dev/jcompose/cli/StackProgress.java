package dev.jcompose.cli;

import dev.jcompose.api.StackEvent;
import dev.jcompose.progress.ProgressEvent;
import dev.jcompose.progress.ProgressStatus;
import java.util.Optional;
import java.util.Set;

/**
 * The one mapping from the engine's {@link StackEvent}s to the renderers' {@link ProgressEvent}s:
 * {@code Container shop-web-1 Starting} is working, {@code Started} done, {@code Error} an error. A
 * warning is not a resource line: it is shown as a message after the progress view.
 */
final class StackProgress {
    /** compose's in-progress words; every other status word means the step is done. */
    private static final Set<String> WORKING = Set.of(
            "Creating",
            "Recreate",
            "Starting",
            "Waiting",
            "Stopping",
            "Killing",
            "Restarting",
            "Removing",
            "Pulling",
            "Pushing",
            "Building",
            "Pausing",
            "Unpausing");

    private StackProgress() {}

    /** The progress line for {@code event}, or empty when it is a warning message. */
    static Optional<ProgressEvent> of(StackEvent event) {
        if (event.kind().equals("Warning")) {
            return Optional.empty();
        }
        String id = event.kind().isEmpty() ? event.name() : event.kind() + " " + event.name();
        ProgressStatus status = switch (event.status()) {
            case "Error" -> ProgressStatus.ERROR;
            case "Warning" -> ProgressStatus.WARNING;
            default -> WORKING.contains(event.status()) ? ProgressStatus.WORKING : ProgressStatus.DONE;
        };
        return Optional.of(new ProgressEvent(id, "", status, event.status(), event.detail(), 0, 0));
    }

    /** The message a warning event shows, as compose's logrus line: {@code WARN[0000] text}. */
    static String message(StackEvent event) {
        String text = event.detail().isEmpty() ? event.status() : event.detail();
        return event.kind().equals("Warning") ? "WARN[0000] " + text : text;
    }
}
