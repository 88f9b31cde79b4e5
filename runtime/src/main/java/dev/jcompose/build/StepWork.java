package dev.jcompose.build;

import java.time.Instant;
import java.util.function.Function;

/**
 * One step, prepared: {@code input} is what its cache key needs beyond the instruction (the content
 * of the files a COPY reads, the stage it copies from), and {@code run} carries it out at a time.
 */
record StepWork(String input, Function<Instant, Result> run) {
    /** The image after the step and the layer it made (null when none). */
    record Result(ImageDraft draft, BuiltLayer layer) {}

    static StepWork config(Function<Instant, Result> run) {
        return new StepWork("", run);
    }

    Result run(Instant now) {
        return run.apply(now);
    }
}
