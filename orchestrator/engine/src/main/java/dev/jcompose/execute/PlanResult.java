package dev.jcompose.execute;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The outcome of every node of a finished plan execution, by id. */
public record PlanResult(SortedMap<String, NodeOutcome> outcomes) {
    public PlanResult {
        outcomes = Collections.unmodifiableSortedMap(new TreeMap<>(outcomes));
    }

    public NodeOutcome outcome(String id) {
        NodeOutcome outcome = outcomes.get(id);
        if (outcome == null) {
            throw new IllegalArgumentException("no plan node \"" + id + "\"");
        }
        return outcome;
    }

    /** Whether every node succeeded. */
    public boolean succeeded() {
        return outcomes.values().stream().allMatch(NodeOutcome.Succeeded.class::isInstance);
    }

    public boolean cancelled() {
        return outcomes.values().stream().anyMatch(NodeOutcome.Cancelled.class::isInstance);
    }

    /** The first failure by id: what the CLI reports as the command's error. */
    public Optional<NodeOutcome.Failed> firstFailure() {
        return outcomes.values().stream()
                .filter(NodeOutcome.Failed.class::isInstance)
                .map(NodeOutcome.Failed.class::cast)
                .findFirst();
    }

    /** One line per node, by id: {@code id: succeeded}, {@code id: skipped (db failed)}... */
    public String render() {
        StringBuilder text = new StringBuilder();
        outcomes.forEach((id, outcome) ->
                text.append(id).append(": ").append(outcome.describe()).append('\n'));
        return text.toString();
    }
}
