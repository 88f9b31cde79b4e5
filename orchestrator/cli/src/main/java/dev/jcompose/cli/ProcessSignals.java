package dev.jcompose.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The CLI process's own signals, through {@code sun.misc.Signal} (the JDK has no public API for
 * them). A signal that cannot be trapped here keeps the JVM's default.
 */
public final class ProcessSignals implements Signals {
    @Override
    public Trap trap(List<String> names, Consumer<String> onSignal) {
        Map<String, sun.misc.SignalHandler> previous = new HashMap<>();
        for (String name : names) {
            try {
                previous.put(name, sun.misc.Signal.handle(new sun.misc.Signal(name), s -> onSignal.accept(name)));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // not trappable here: the default stays
            }
        }
        return () -> previous.forEach((name, handler) -> sun.misc.Signal.handle(new sun.misc.Signal(name), handler));
    }
}
