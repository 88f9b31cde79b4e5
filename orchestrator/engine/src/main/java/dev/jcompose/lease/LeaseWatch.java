package dev.jcompose.lease;

import dev.jcompose.api.ProjectLease;
import dev.jcompose.host.ProcessTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Decides which leased projects are due to go: those whose owner has been gone for the lease's grace
 * period, counted from the first check that missed it (an engine started after the owner died
 * counts from its own first check). A project whose take-down failed is retried no sooner than
 * {@link #RETRY} later. Pure apart from the process table; one caller at a time.
 */
public final class LeaseWatch {
    static final Duration RETRY = Duration.ofSeconds(30);

    private final ProcessTable processes;
    private final Map<String, Instant> missingSince = new HashMap<>();
    private final Map<String, Instant> failedAt = new HashMap<>();

    public LeaseWatch(ProcessTable processes) {
        this.processes = processes;
    }

    /** The projects to take down now, sorted; forgets projects that are no longer leased. */
    public synchronized List<String> due(SortedMap<String, ProjectLease> leases, Instant now) {
        missingSince.keySet().retainAll(leases.keySet());
        failedAt.keySet().retainAll(leases.keySet());
        List<String> out = new ArrayList<>();
        leases.forEach((project, lease) -> {
            if (processes.alive(lease.ownerPid(), lease.ownerStart())) {
                missingSince.remove(project);
                return;
            }
            Instant since = missingSince.computeIfAbsent(project, p -> now);
            Instant failed = failedAt.get(project);
            boolean graceOver = !now.isBefore(since.plus(lease.grace()));
            boolean retryOver = failed == null || !now.isBefore(failed.plus(RETRY));
            if (graceOver && retryOver) {
                out.add(project);
            }
        });
        return out;
    }

    /** Taking {@code project} down failed at {@code now}: try again after {@link #RETRY}. */
    public synchronized void failed(String project, Instant now) {
        failedAt.put(project, now);
    }
}
