package dev.jcompose.restart;

import java.time.Duration;

/**
 * Docker's restart manager as a pure function.
 *
 * <p>Backoff: the first restart waits 100 ms, each further one twice the previous, capped at one
 * minute; a container that ran at least 10 s resets the backoff (not the restart count). The
 * backoff advances even when the answer is "give up", as docker's does.
 */
public final class RestartRules {
    public static final Duration INITIAL_DELAY = Duration.ofMillis(100);
    public static final Duration MAX_DELAY = Duration.ofMinutes(1);
    public static final Duration RESET_AFTER = Duration.ofSeconds(10);

    private RestartRules() {}

    /**
     * @param ran how long the container ran before this exit
     * @param userStopped whether the user stopped it ({@code jcompose stop}); {@code always} still
     *     restarts (when the engine comes back), {@code unless-stopped} does not
     */
    public static RestartDecision decide(
            RestartPolicy policy, RestartHistory history, int exitCode, Duration ran, boolean userStopped) {
        Duration delay = nextDelay(history.lastDelay(), ran);
        String refusal = refusal(policy, history.restartCount(), exitCode, userStopped);
        if (refusal != null) {
            return new RestartDecision.GiveUp(refusal, new RestartHistory(history.restartCount(), delay));
        }
        return new RestartDecision.Restart(delay, new RestartHistory(history.restartCount() + 1, delay));
    }

    /** The backoff step alone. */
    public static Duration nextDelay(Duration lastDelay, Duration ran) {
        Duration previous = ran.compareTo(RESET_AFTER) >= 0 ? Duration.ZERO : lastDelay;
        if (previous.isZero()) {
            return INITIAL_DELAY;
        }
        Duration doubled = previous.compareTo(MAX_DELAY) < 0 ? previous.multipliedBy(2) : previous;
        return doubled.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : doubled;
    }

    /** Why not to restart, or {@code null} to restart. */
    private static String refusal(RestartPolicy policy, int restartCount, int exitCode, boolean userStopped) {
        return switch (policy.kind()) {
            case NO -> "restart policy is \"no\"";
            case ALWAYS -> null;
            case UNLESS_STOPPED -> userStopped ? "stopped by the user (restart: unless-stopped)" : null;
            case ON_FAILURE -> {
                int max = policy.maximumRetryCount();
                if (max > 0 && restartCount >= max) {
                    yield "reached the maximum of " + max + " restarts (restart: " + policy + ")";
                }
                yield exitCode == 0 ? "exited with code 0 (restart: on-failure)" : null;
            }
        };
    }
}
