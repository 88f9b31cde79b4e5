package dev.jcompose.build;

/** Which step a progress event or an error is about: {@code [stage 2/5] RUN make}. */
record StepRef(String stage, int number, int total, String text) {}
