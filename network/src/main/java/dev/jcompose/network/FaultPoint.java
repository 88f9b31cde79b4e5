package dev.jcompose.network;

/** Named points in multi-step operations; tests stop a process there to prove recovery works. */
@FunctionalInterface
public interface FaultPoint {
    FaultPoint NONE = point -> {};

    void reached(String point);
}
