package dev.jcompose.container;

import dev.jcompose.host.HostPaths;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The containers' persisted records ({@link StateStore}) with one lock per container, so that an
 * update racing a removal (an inspect in one project's command, a delete in another's) never brings a
 * removed container's state directory back.
 */
final class ContainerRecords {
    private final HostPaths paths;
    private final StateStore store;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    ContainerRecords(HostPaths paths) {
        this.paths = paths;
        this.store = new StateStore(paths);
    }

    Optional<ContainerRecord> load(String id) {
        return store.load(id);
    }

    /** Ids of every container with a state directory, sorted; some may have no record (half created). */
    List<String> ids() {
        return store.ids();
    }

    /** The first record of a new container (its state directory is created). */
    void saveNew(ContainerRecord r) {
        store.save(r);
    }

    /** Updates a record unless the container was removed meanwhile; false then. */
    boolean saveIfPresent(ContainerRecord r) {
        synchronized (lock(r.id())) {
            if (!Files.isDirectory(ContainerDirs.of(paths, r.id()).state())) {
                return false;
            }
            store.save(r);
            return true;
        }
    }

    /** Deletes the container's state directory, record included. */
    void remove(String id) {
        synchronized (lock(id)) {
            ContainerRelease.deleteTree(ContainerDirs.of(paths, id).state());
        }
        locks.remove(id);
    }

    private Object lock(String id) {
        return locks.computeIfAbsent(id, k -> new Object());
    }
}
