package dev.jcompose.session;

import dev.jcompose.cli.Signals;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A thin client's signals, as its command in the engine sees them: the latest trap for a signal
 * gets it; a signal nobody traps has the effect it has on a process, which here is ending the
 * command ({@code untrapped}).
 */
final class SessionSignals implements Signals {
    private record Installed(Set<String> names, Consumer<String> handler) {}

    private final Deque<Installed> traps = new ArrayDeque<>();
    private final Consumer<String> untrapped;

    SessionSignals(Consumer<String> untrapped) {
        this.untrapped = untrapped;
    }

    @Override
    public Trap trap(List<String> names, Consumer<String> onSignal) {
        Installed installed = new Installed(Set.copyOf(names), onSignal);
        synchronized (traps) {
            traps.push(installed);
        }
        return () -> {
            synchronized (traps) {
                traps.remove(installed);
            }
        };
    }

    /** The client received {@code SIG<name>}. */
    void deliver(String name) {
        Consumer<String> handler;
        synchronized (traps) {
            handler = traps.stream()
                    .filter(t -> t.names().contains(name))
                    .map(Installed::handler)
                    .findFirst()
                    .orElse(untrapped);
        }
        handler.accept(name);
    }

    /** The client hung up: the command ends as a process does when its terminal closes, unless it traps SIGHUP. */
    void hangUp() {
        deliver("HUP");
    }

    /** The exit code of a process ended by {@code SIG<name>}, as a shell reports it. */
    static int exitCode(String name) {
        return 128
                + switch (name) {
                    case "HUP" -> 1;
                    case "INT" -> 2;
                    case "TERM" -> 15;
                    default -> 1;
                };
    }
}
