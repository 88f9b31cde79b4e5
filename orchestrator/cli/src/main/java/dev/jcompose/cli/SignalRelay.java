package dev.jcompose.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * While an exec runs in the foreground: SIGINT, SIGTERM and SIGHUP sent to the CLI are handed to a
 * callback (the exec passes them to runc, which passes them to the process) instead of ending the
 * JVM; the previous handlers come back on {@link #close}. Through {@code sun.misc.Signal}, as
 * {@link SignalTrap}; where it is unavailable the JVM's defaults apply.
 */
final class SignalRelay implements AutoCloseable {
    static final List<String> RELAYED = List.of("INT", "TERM", "HUP");
    private final Map<String, sun.misc.SignalHandler> previous = new HashMap<>();

    SignalRelay(Consumer<String> onSignal) {
        for (String name : RELAYED) {
            try {
                previous.put(name, sun.misc.Signal.handle(new sun.misc.Signal(name), s -> onSignal.accept(name)));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // not trappable here: the default stays
            }
        }
    }

    /** Sends {@code SIG<name>} to {@code pid} (kill(2) through jnr-posix); a process already gone is not an error. */
    static void send(long pid, String name) {
        int number = jnr.constants.platform.Signal.valueOf("SIG" + name).intValue();
        jnr.posix.POSIXFactory.getNativePOSIX().kill((int) pid, number);
    }

    @Override
    public void close() {
        previous.forEach((name, handler) -> sun.misc.Signal.handle(new sun.misc.Signal(name), handler));
    }
}
