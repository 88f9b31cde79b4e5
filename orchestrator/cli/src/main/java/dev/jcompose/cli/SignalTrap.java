package dev.jcompose.cli;

/**
 * Ctrl-C (SIGINT) while an attached {@code up} runs: routed to a callback instead of ending the JVM,
 * through {@code sun.misc.Signal} (the JDK has no public API for it). Where it is unavailable, the
 * default applies: the JVM exits and the engine cancels the command when the connection drops.
 */
final class SignalTrap {
    private SignalTrap() {}

    /** Installs {@code onInterrupt}; returns what to hand to {@link #restore}. */
    static Object install(Runnable onInterrupt) {
        try {
            return sun.misc.Signal.handle(new sun.misc.Signal("INT"), s -> onInterrupt.run());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return null;
        }
    }

    static void restore(Object previous) {
        if (previous instanceof sun.misc.SignalHandler handler) {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), handler);
        }
    }
}
