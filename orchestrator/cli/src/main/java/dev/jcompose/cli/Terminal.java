package dev.jcompose.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** isatty for the CLI's own streams, through {@link System#console()}. */
final class Terminal {
    private Terminal() {}

    /**
     * From JDK 22 {@code System.console()} exists even when redirected and {@code Console.isTerminal()}
     * tells; on JDK 21 (our release level, so looked up reflectively) a console exists only on a terminal.
     */
    static boolean attached() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
