package dev.jcompose.stack;

import dev.jcompose.api.StackEvent;
import dev.jcompose.api.StackListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engine's progress listeners, each scoped to one project or engine-wide. The one engine runs
 * commands of several projects at once; a command's listener (its CLI's progress) must receive only
 * its own project's events, so an event goes to the listeners of its {@link StackEvent#project()}
 * and to the engine-wide ones; an event of no project goes to the engine-wide ones only.
 * Engine state: touched on the engine loop only.
 */
final class ProjectListeners {
    /** One registration; a listener may be registered twice (a command's and a subscription). */
    private record Registration(Optional<String> project, StackListener listener) {}

    private final List<Registration> registrations = new ArrayList<>();

    /** Registers {@code listener} for the events of {@code project} (engine-wide when empty). */
    void add(Optional<String> project, StackListener listener) {
        registrations.add(new Registration(project, listener));
    }

    /** Removes one registration of {@code listener} for {@code project}. */
    void remove(Optional<String> project, StackListener listener) {
        registrations.remove(new Registration(project, listener));
    }

    void emit(StackEvent e) {
        List<StackListener> told = new ArrayList<>();
        for (Registration r : List.copyOf(registrations)) {
            boolean wanted = r.project().isEmpty()
                    || (!e.project().isEmpty() && r.project().get().equals(e.project()));
            // a listener registered twice (its project and engine-wide) hears each event once
            if (wanted && told.stream().noneMatch(l -> l == r.listener())) {
                told.add(r.listener());
                r.listener().onEvent(e);
            }
        }
    }
}
