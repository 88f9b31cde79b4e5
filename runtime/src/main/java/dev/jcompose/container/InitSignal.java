package dev.jcompose.container;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Signals a container's init with kill(2), as {@code runc kill} does, without starting the runtime's
 * process (~15-20 ms of each stop, three in a row for a chain's {@code down}). Only when the pid is
 * surely the init's: the container's pid file names a process whose parent is the container's conmon
 * (conmon is the init's subreaper and exits after reaping it, so a reused pid never has it as parent),
 * and conmon has not written the exit. Otherwise the caller asks the runtime.
 */
final class InitSignal {
    private InitSignal() {}

    /** Whether the signal was sent; false: not surely the init, or a signal this class does not name. */
    static boolean send(ContainerDirs dirs, String containerId, String signal) {
        OptionalInt number = number(signal);
        if (number.isEmpty()
                || ExitWatcher.read(dirs.exitDir().resolve(containerId)).isPresent()) {
            return false;
        }
        Long pid = ConmonRuntime.readPid(dirs.containerPidFile()).orElse(null);
        Long conmon = ConmonRuntime.readPid(dirs.conmonPidFile()).orElse(null);
        if (pid == null || conmon == null) {
            return false;
        }
        OptionalLong parent = ExitWatcher.runningParent(pid);
        if (parent.isEmpty() || parent.getAsLong() != conmon) {
            return false;
        }
        return jnr.posix.POSIXFactory.getNativePOSIX().kill(pid, number.getAsInt()) == 0;
    }

    /** The signal's number on Linux: "SIGTERM", "TERM" or "15"; empty for what it does not know. */
    static OptionalInt number(String signal) {
        String s = signal.strip().toUpperCase(Locale.ROOT);
        if (s.matches("[0-9]{1,2}")) {
            int n = Integer.parseInt(s);
            return n >= 1 && n <= 64 ? OptionalInt.of(n) : OptionalInt.empty();
        }
        String name = s.startsWith("SIG") ? s : "SIG" + s;
        try {
            jnr.constants.platform.Signal sig = jnr.constants.platform.Signal.valueOf(name);
            return sig.defined() ? OptionalInt.of(sig.intValue()) : OptionalInt.empty();
        } catch (IllegalArgumentException unknown) {
            return OptionalInt.empty(); // SIGRTMIN+n and the like: the runtime knows them
        }
    }
}
