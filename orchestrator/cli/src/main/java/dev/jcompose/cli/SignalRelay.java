package dev.jcompose.cli;

import java.util.List;

/**
 * The signals an exec in the foreground passes on to the process it runs (through runc, which
 * passes them to the container's process), and how: kill(2) through jnr-posix.
 */
final class SignalRelay {
    static final List<String> RELAYED = List.of("INT", "TERM", "HUP");

    private SignalRelay() {}

    /** Sends {@code SIG<name>} to {@code pid}; a process already gone is not an error. */
    static void send(long pid, String name) {
        int number = jnr.constants.platform.Signal.valueOf("SIG" + name).intValue();
        jnr.posix.POSIXFactory.getNativePOSIX().kill((int) pid, number);
    }
}
