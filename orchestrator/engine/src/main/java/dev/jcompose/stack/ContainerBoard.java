package dev.jcompose.stack;

import dev.jcompose.engine.EngineLoop;
import dev.jcompose.execute.ContainerStatus;
import dev.jcompose.execute.ServiceObserver;
import dev.jcompose.state.ContainerState;
import dev.jcompose.state.Health;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's live view of one project's containers (engine state: touched on the loop only),
 * fed by creations, starts, exits, health changes and removals; what depends_on waits watch.
 */
final class ContainerBoard implements ServiceObserver {
    private record Entry(String service, ContainerStatus status) {}

    private final EngineLoop loop;
    private final Map<String, Entry> byId = new HashMap<>();
    private final Map<String, List<Runnable>> subscribers = new HashMap<>();

    ContainerBoard(EngineLoop loop) {
        this.loop = loop;
    }

    @Override
    public List<ContainerStatus> containers(String service) {
        loop.checkInLoop();
        return byId.values().stream()
                .filter(e -> e.service().equals(service))
                .map(Entry::status)
                .sorted(Comparator.comparing(ContainerStatus::name))
                .toList();
    }

    @Override
    public Runnable subscribe(String service, Runnable onChange) {
        loop.checkInLoop();
        subscribers.computeIfAbsent(service, k -> new ArrayList<>()).add(onChange);
        return () -> subscribers.getOrDefault(service, new ArrayList<>()).remove(onChange);
    }

    void put(String id, String service, ContainerStatus status) {
        loop.checkInLoop();
        byId.put(id, new Entry(service, status));
        notify(service);
    }

    Optional<ContainerStatus> status(String id) {
        loop.checkInLoop();
        return Optional.ofNullable(byId.get(id)).map(Entry::status);
    }

    Optional<String> service(String id) {
        return Optional.ofNullable(byId.get(id)).map(Entry::service);
    }

    /** A health change of a running container; ignored for containers no longer running. */
    void health(String id, Health health) {
        Entry e = byId.get(id);
        if (e != null && e.status().state() == ContainerState.RUNNING) {
            put(id, e.service(), ContainerStatus.running(e.status().name(), health));
        }
    }

    void remove(String id) {
        loop.checkInLoop();
        Entry e = byId.remove(id);
        if (e != null) {
            notify(e.service());
        }
    }

    private void notify(String service) {
        for (Runnable r : List.copyOf(subscribers.getOrDefault(service, List.of()))) {
            r.run();
        }
    }
}
