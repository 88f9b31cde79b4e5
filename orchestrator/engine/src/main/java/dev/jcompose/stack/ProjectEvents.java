package dev.jcompose.stack;

import dev.jcompose.api.ContainerEvent;
import dev.jcompose.api.EventActions;
import dev.jcompose.api.StackEvent;
import dev.jcompose.api.StackException;
import dev.jcompose.container.ContainerRecord;
import dev.jcompose.observe.Labels;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * {@code events}: the engine's progress events of one project as {@link ContainerEvent}s, until the
 * calling thread is interrupted. The engine loop only queues (it must not block); the caller's thread
 * names the containers, looking them up by name (remembered, so a destroy still has its id).
 */
final class ProjectEvents {
    /** What an event needs of a container. */
    private record Known(String id, String project, String service, String image) {}

    private final Stack stack;
    private final String project;
    private final List<String> services;
    private final Map<String, Known> byName = new HashMap<>();
    private final Set<String> created = new HashSet<>();

    ProjectEvents(Stack stack, String project, List<String> services) {
        this.stack = stack;
        this.project = project;
        this.services = List.copyOf(services);
    }

    /** {@code subscribed} runs once the engine listens (and the names are known), before any event. */
    void stream(Runnable subscribed, Consumer<ContainerEvent> sink) {
        BlockingQueue<Map.Entry<Instant, StackEvent>> queue = new LinkedBlockingQueue<>();
        Runnable unsubscribe =
                stack.subscribe(java.util.Optional.of(project), e -> queue.add(Map.entry(stack.clock.now(), e)));
        try {
            refresh();
            subscribed.run();
            while (true) {
                Map.Entry<Instant, StackEvent> next = queue.take();
                toContainerEvent(next.getKey(), next.getValue()).ifPresent(sink);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("receiving the events of " + project + " was interrupted", null);
        } finally {
            boolean interrupted = Thread.interrupted();
            try {
                unsubscribe.run();
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private java.util.Optional<ContainerEvent> toContainerEvent(Instant time, StackEvent e) {
        java.util.Optional<String> action = EventActions.of(e);
        if (action.isEmpty()) {
            return java.util.Optional.empty();
        }
        Known k = byName.get(e.name());
        if (k == null) {
            refresh();
            k = byName.get(e.name());
        }
        if (k == null || !project.equals(k.project()) || !(services.isEmpty() || services.contains(k.service()))) {
            return java.util.Optional.empty();
        }
        if (action.get().equals("create") && !created.add(k.id())) {
            return java.util.Optional.empty(); // a recreation reports Created and Recreated for the same container
        }
        TreeMap<String, String> attributes = new TreeMap<>();
        attributes.put("image", k.image());
        attributes.put("name", e.name());
        EventActions.exitCode(e).ifPresent(c -> attributes.put("exitCode", c));
        return java.util.Optional.of(
                new ContainerEvent(time, "container", action.get(), k.id(), k.service(), attributes));
    }

    /** Learns the names of the containers on the host (of any project: the filter comes after). */
    private void refresh() {
        for (ContainerRecord r : stack.runtime.list()) {
            String image = stack.extras(r.id())
                    .map(ContainerExtras::imageReference)
                    .orElse(String.valueOf(r.labels().get(Labels.IMAGE)));
            byName.put(
                    r.name(),
                    new Known(r.id(), r.labels().get(Labels.PROJECT), r.labels().get(Labels.SERVICE), image));
        }
    }
}
