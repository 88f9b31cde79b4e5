package dev.jcompose.network;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Changes of the network state that change the rules (published ports), committed in groups: the
 * changes that arrive while one group is applied form the next group, which is applied with one rules
 * update and one state write. An {@code iptables-restore} costs ~15 ms here whatever its size (the
 * nf_tables commit), so three containers created at once wait for two updates, not three in a row.
 *
 * <p>The contract of each change is unchanged: when {@link #commit} returns, the change is written
 * and the kernel's rules include it (rules first, then the state, under the store's lock, as one
 * change alone did). A change whose body throws is left out of its group; when the rules update
 * fails, every change of the group fails with it and none is written.
 */
final class RuleChanges {
    private final NetworkStore store;
    private final Consumer<NetworkState> rules;
    /** Held by the thread that applies a group; the others queue their change and wait for it. */
    private final ReentrantLock leader = new ReentrantLock();

    private final ConcurrentLinkedQueue<Change<?>> queue = new ConcurrentLinkedQueue<>();

    RuleChanges(NetworkStore store, Consumer<NetworkState> rules) {
        this.store = store;
        this.rules = rules;
    }

    /**
     * Runs {@code body} on the state under the store's lock, together with the changes that came at the
     * same time; the state it {@link NetworkStore.Txn#put puts} has its rules applied, then is written.
     */
    <T> T commit(Function<NetworkStore.Txn, T> body) {
        Change<T> mine = new Change<>(body);
        queue.add(mine);
        leader.lock();
        try {
            if (!mine.finished) {
                applyGroup(); // the group holds this change: it was queued before the lock was taken
            }
        } finally {
            leader.unlock();
        }
        return mine.outcome();
    }

    /** The changes queued for the next group (for tests). */
    int waiting() {
        return queue.size();
    }

    /** Whether a group is being applied (for tests). */
    boolean applying() {
        return leader.isLocked();
    }

    private void applyGroup() {
        List<Change<?>> group = new ArrayList<>();
        for (Change<?> c = queue.poll(); c != null; c = queue.poll()) {
            group.add(c);
        }
        try {
            store.locked(t -> {
                NetworkState before = t.state();
                NetworkState[] current = {before};
                List<Change<?>> done = new ArrayList<>();
                for (Change<?> c : group) {
                    if (c.runOn(current)) {
                        done.add(c);
                    }
                }
                if (current[0] != before) {
                    rules.accept(current[0]);
                    t.put(current[0]);
                }
                done.forEach(Change::succeed);
                return null;
            });
        } catch (RuntimeException e) {
            group.forEach(c -> c.failUnlessFinished(e));
        }
    }

    /** One caller's change: its body, then its outcome once its group is through. */
    private static final class Change<T> {
        private final Function<NetworkStore.Txn, T> body;
        private T result;
        private RuntimeException failure;
        private volatile boolean finished;

        Change(Function<NetworkStore.Txn, T> body) {
            this.body = body;
        }

        /** Runs the body on the group's state so far; a failing body leaves that state as it was. */
        boolean runOn(NetworkState[] current) {
            NetworkState mark = current[0];
            try {
                result = body.apply(new NetworkStore.Txn() {
                    @Override
                    public NetworkState state() {
                        return current[0];
                    }

                    @Override
                    public void put(NetworkState next) {
                        current[0] = next;
                    }
                });
                return true;
            } catch (RuntimeException e) {
                current[0] = mark;
                failure = e;
                finished = true;
                return false;
            }
        }

        void succeed() {
            finished = true;
        }

        void failUnlessFinished(RuntimeException e) {
            if (!finished) {
                result = null;
                failure = e;
                finished = true;
            }
        }

        T outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
