package dev.jcompose.build;

import java.time.Duration;

/**
 * Progress of one build step, like BuildKit's: {@code #5 [build 2/4] RUN make}.
 *
 * @param reference   the image being built
 * @param stage       the stage's name, or its index when unnamed
 * @param number      the step's number within its stage, from 1
 * @param total       how many steps the stage has
 * @param instruction the instruction as written
 * @param status      what happened
 * @param elapsed     how long it took (zero until done)
 * @param detail      an output line of RUN, or the error; empty otherwise
 */
public record BuildStep(
        String reference,
        String stage,
        int number,
        int total,
        String instruction,
        Status status,
        Duration elapsed,
        String detail) {
    public enum Status {
        STARTED,
        CACHED,
        OUTPUT,
        DONE,
        ERROR
    }
}
