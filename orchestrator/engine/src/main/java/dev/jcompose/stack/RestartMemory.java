package dev.jcompose.stack;

/**
 * What the restart policy must know about a container across engines, kept beside it
 * ({@code restart.json}) as dockerd keeps {@code HasBeenManuallyStopped} and {@code RestartCount} in the
 * container's config: whether the user stopped it (an {@code unless-stopped} container then stays down when
 * a new engine adopts it) and how many times the policy restarted it since the user last started it (what
 * {@code on-failure:N} counts against N).
 */
public record RestartMemory(boolean stoppedByUser, int restartCount) {
    /** Started by the user, never restarted by its policy: also what a container without the file means. */
    public static final RestartMemory FRESH = new RestartMemory(false, 0);

    RestartMemory stopped() {
        return new RestartMemory(true, restartCount);
    }
}
