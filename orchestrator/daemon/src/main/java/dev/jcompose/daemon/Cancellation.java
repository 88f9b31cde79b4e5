package dev.jcompose.daemon;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's Ctrl-C (or the CLI disconnecting) for one call. Confined to the engine context: it is
 * signalled there and its callbacks run there, so handlers need no locking.
 */
public final class Cancellation {
    private final List<Runnable> callbacks = new ArrayList<>();
    private boolean cancelled;

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code callback} once when the call is cancelled (at once if it already is). */
    public void onCancel(Runnable callback) {
        if (cancelled) {
            callback.run();
        } else {
            callbacks.add(callback);
        }
    }

    /** The failure a cancelled handler completes with: exit code 130 like an interrupted compose. */
    public static JcomposeException cancelled(String method) {
        return new JcomposeException("`" + method + "` was canceled", null, ExitCode.CANCELED);
    }

    void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        List<Runnable> toRun = List.copyOf(callbacks);
        callbacks.clear();
        toRun.forEach(Runnable::run);
    }
}
