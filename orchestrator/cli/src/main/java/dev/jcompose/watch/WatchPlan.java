package dev.jcompose.watch;

import dev.jcompose.model.WatchAction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one batch of changed paths asks for, by service (sorted): the files to sync, the services to
 * restart or rebuild, the sync+exec triggers to run (each once). A path matching several rules
 * counts for each.
 */
record WatchPlan(
        SortedMap<String, List<WatchTrigger.Mapping>> sync,
        SortedSet<String> restart,
        SortedSet<String> rebuild,
        SequencedSet<WatchTrigger> exec) {

    static WatchPlan of(List<WatchTrigger> triggers, List<Path> changed) {
        SortedMap<String, List<WatchTrigger.Mapping>> sync = new TreeMap<>();
        SortedSet<String> restart = new TreeSet<>();
        SortedSet<String> rebuild = new TreeSet<>();
        SequencedSet<WatchTrigger> exec = new LinkedHashSet<>();
        for (Path path : changed) {
            for (WatchTrigger t : triggers) {
                var mapping = t.match(path);
                if (mapping.isEmpty()) {
                    continue;
                }
                String service = t.rule().service();
                WatchAction action = t.rule().action();
                if (action.syncs()) {
                    sync.computeIfAbsent(service, s -> new ArrayList<>()).add(mapping.get());
                }
                switch (action) {
                    case REBUILD -> rebuild.add(service);
                    case RESTART, SYNC_RESTART -> restart.add(service);
                    case SYNC_EXEC -> exec.add(t);
                    case SYNC -> {}
                }
            }
        }
        return new WatchPlan(sync, restart, rebuild, exec);
    }

    boolean isEmpty() {
        return sync.isEmpty() && restart.isEmpty() && rebuild.isEmpty() && exec.isEmpty();
    }
}
