package dev.jcompose.build;

/** Receives a build's progress; called from the build's threads. */
@FunctionalInterface
public interface BuildListener {
    BuildListener NONE = step -> {};

    void step(BuildStep step);
}
