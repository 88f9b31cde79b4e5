package dev.jcompose.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules changes that arrive together are applied with one rules update; each keeps its own outcome. */
class RuleChangesTest {
    @TempDir
    Path dir;

    /** Adds network {@code name}; the change's result is its name. */
    private static String add(RuleChanges changes, String name) {
        return changes.commit(t -> {
            t.put(t.state().with(NetworkStoreTest.net(name, Map.of())));
            return name;
        });
    }

    @Test
    void changesThatWaitForAnUpdateShareTheNextOne() throws Exception {
        NetworkStore store = new NetworkStore(dir);
        List<List<String>> applied = new CopyOnWriteArrayList<>();
        RuleChanges[] changes = new RuleChanges[1];
        CompletableFuture<Void> othersQueued = new CompletableFuture<>();
        changes[0] = new RuleChanges(store, s -> {
            if (applied.isEmpty()) {
                othersQueued.join(); // the first update lasts until the two others wait for theirs
            }
            applied.add(List.copyOf(s.networks().keySet()));
        });
        // a thread each: the common pool may have one worker on a small machine
        ExecutorService threads = Executors.newFixedThreadPool(3);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> add(changes[0], "a"), threads);
        awaitQueued(changes[0], 0, first);
        List<CompletableFuture<String>> later = new ArrayList<>();
        later.add(CompletableFuture.supplyAsync(() -> add(changes[0], "b"), threads));
        later.add(CompletableFuture.supplyAsync(() -> add(changes[0], "c"), threads));
        awaitQueued(changes[0], 2, first);
        othersQueued.complete(null);

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("a");
        assertThat(later.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("b");
        assertThat(later.get(1).get(10, TimeUnit.SECONDS)).isEqualTo("c");
        assertThat(applied).containsExactly(List.of("a"), List.of("a", "b", "c"));
        assertThat(new NetworkStore(dir).snapshot().networks()).containsOnlyKeys("a", "b", "c");
        threads.shutdown();
    }

    @Test
    void aFailingChangeIsLeftOutOfItsGroup() {
        NetworkStore store = new NetworkStore(dir);
        List<NetworkState> applied = new ArrayList<>();
        RuleChanges changes = new RuleChanges(store, applied::add);
        assertThatThrownBy(() -> changes.commit(t -> {
                    t.put(t.state().with(NetworkStoreTest.net("half", Map.of())));
                    throw new IllegalStateException("port 8080 is taken");
                }))
                .hasMessage("port 8080 is taken");
        assertThat(add(changes, "whole")).isEqualTo("whole");

        assertThat(applied).hasSize(1);
        assertThat(store.snapshot().networks()).containsOnlyKeys("whole");
    }

    @Test
    void aChangeThatChangesNothingUpdatesNoRules() {
        List<NetworkState> applied = new ArrayList<>();
        RuleChanges changes = new RuleChanges(new NetworkStore(dir), applied::add);
        String looked = changes.commit(t -> "looked");
        assertThat(looked).isEqualTo("looked");
        assertThat(applied).isEmpty();
    }

    @Test
    void whenTheRulesUpdateFailsNothingIsWritten() {
        NetworkStore store = new NetworkStore(dir);
        Consumer<NetworkState> broken = s -> {
            throw new IllegalStateException("iptables-restore: line 3 failed");
        };
        RuleChanges changes = new RuleChanges(store, broken);
        assertThatThrownBy(() -> add(changes, "a")).hasMessage("iptables-restore: line 3 failed");
        assertThat(store.snapshot().networks()).isEmpty();
    }

    /** Waits (bounded) until {@code n} changes wait in the queue, failing early if {@code leader} failed. */
    private static void awaitQueued(RuleChanges changes, int n, CompletableFuture<?> leader) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (changes.waiting() != n || (n == 0 && !changes.applying())) {
            assertThat(leader).isNotCompletedExceptionally();
            assertThat(System.nanoTime()).as("changes queued in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
