package dev.jcompose.progress;

/**
 * The words compose shows while an operation runs and once it is done, so the engine emits exactly
 * compose's vocabulary: {@code Creating}/{@code Created}, {@code Recreate}/{@code Recreated}...
 */
public enum ProgressVerb {
    CREATE("Creating", "Created"),
    RECREATE("Recreate", "Recreated"),
    START("Starting", "Started"),
    WAIT("Waiting", "Healthy"),
    STOP("Stopping", "Stopped"),
    KILL("Killing", "Killed"),
    RESTART("Restarting", "Restarted"),
    REMOVE("Removing", "Removed"),
    PULL("Pulling", "Pulled"),
    BUILD("Building", "Built");

    private final String working;
    private final String done;

    ProgressVerb(String working, String done) {
        this.working = working;
        this.done = done;
    }

    public ProgressEvent working(String id) {
        return ProgressEvent.working(id, working);
    }

    public ProgressEvent done(String id) {
        return ProgressEvent.done(id, done);
    }

    /** A container left as it was: compose's {@code Running} (done). */
    public static ProgressEvent running(String id) {
        return ProgressEvent.done(id, "Running");
    }

    /** A container waited on that exited instead of becoming healthy: compose's {@code Exited} (done). */
    public static ProgressEvent exited(String id) {
        return ProgressEvent.done(id, "Exited");
    }
}
