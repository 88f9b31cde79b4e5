package dev.jcompose.daemon;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import java.util.Optional;

/**
 * A running engine of another build or protocol than this CLI ({@code ours}): what the launcher
 * says about it. Idle, it is replaced (containers outlive the engine and the new one adopts them)
 * and {@link #notice()} says so in one line; busy, or unable to say, {@link #busy()} is the error.
 */
public record EngineMismatch(EngineInfo ours, EngineInfo theirs) {
    /** A mismatch, or empty when {@code theirs} is exactly our build speaking our protocol. */
    public static Optional<EngineMismatch> of(EngineInfo ours, EngineInfo theirs) {
        return ours.sameBuildAs(theirs) ? Optional.empty() : Optional.of(new EngineMismatch(ours, theirs));
    }

    /** Whether the engine serves no other call and may be stopped now. */
    public boolean idle() {
        return theirs.busy() == 0;
    }

    /** {@code the running jcompose engine (pid 42) is build X, this jcompose is build Y}, or the protocols. */
    public String describe() {
        String engine = "the running jcompose engine (pid " + theirs.pid() + ")";
        if (theirs.protocol() != ours.protocol()) {
            return engine + " speaks protocol " + theirs.protocol() + " (build " + theirs.build()
                    + "), this jcompose speaks " + ours.protocol() + " (build " + ours.build() + ")";
        }
        return engine + " is build " + theirs.build() + ", this jcompose is build " + ours.build();
    }

    /** The one line printed on stderr when the idle engine was replaced. */
    public String notice() {
        return "jcompose: stopped the idle engine of another build (pid " + theirs.pid() + ", build " + theirs.build()
                + "); starting one of this build (" + ours.build() + ")";
    }

    /** The failure when the engine may not be stopped: busy, or too old to say. */
    public JcomposeException busy() {
        String state = theirs.busy() == EngineInfo.BUSY_UNKNOWN
                ? "cannot tell whether it is busy (it predates the build check)"
                : "is busy with " + BuiltinMethods.calls(theirs.busy());
        return new JcomposeException(
                describe() + ", and it " + state,
                "run `jcompose engine stop` once its commands are done (containers keep running), then run this"
                        + " command again: an engine of this build starts and adopts the containers",
                ExitCode.FAILURE);
    }

    /** The failure when a command reached the engine between the handshake and the stop. */
    public JcomposeException startedMeanwhile() {
        return new JcomposeException(
                describe() + ", and a command started on it while this one was about to replace it",
                "run `jcompose engine stop` once its commands are done (containers keep running), then run this"
                        + " command again",
                ExitCode.FAILURE);
    }
}
