package dev.jcompose.plan;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.observe.ObservedContainer;
import dev.jcompose.observe.ObservedImage;
import dev.jcompose.observe.ObservedState;
import dev.jcompose.state.ContainerState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides, per service, the fate of each replica, as docker compose's convergence does: a container
 * is obsolete when its config hash or image differs from the desired ones (or it is dead); scaling
 * down drops obsolete containers first, then the highest numbers; scaling up fills the lowest free
 * numbers from 1. (compose itself continues after the highest number; filling gaps keeps names
 * stable when a replica was removed by hand, and gives the same numbers otherwise.)
 */
final class Convergence {
    private final DesiredProject desired;
    private final ObservedState observed;

    Convergence(DesiredProject desired, ObservedState observed) {
        this.desired = desired;
        this.observed = observed;
    }

    List<Fate> decide(String service, int expected, Recreate strategy) {
        if (expected > 1
                && desired.service(service).containerName() != null
                && !desired.service(service).containerName().isEmpty()) {
            throw new JcomposeException(
                    "service " + service + " sets container_name "
                            + desired.service(service).containerName() + " and cannot have " + expected + " replicas",
                    "remove container_name from service " + service + " to scale it",
                    ExitCode.FAILURE);
        }
        List<ObservedContainer> containers = new ArrayList<>(observed.serviceContainers(desired.name(), service));
        // up-to-date containers first by number, obsolete ones after: the tail beyond the scale is removed
        containers.sort(Comparator.comparing((ObservedContainer c) -> obsolete(service, c, strategy))
                .thenComparingInt(ObservedContainer::number)
                .thenComparing(ObservedContainer::name));
        List<Fate> fates = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < containers.size(); i++) {
            ObservedContainer c = containers.get(i);
            if (i >= expected) {
                fates.add(new Fate(service, c.number(), c.name(), Fate.Action.REMOVE, c));
                continue;
            }
            used.add(c.number());
            fates.add(new Fate(
                    service,
                    c.number(),
                    desired.containerName(service, c.number()),
                    keptAction(service, c, strategy),
                    c));
        }
        int next = 1;
        for (int added = containers.size(); added < expected; added++) {
            while (used.contains(next)) {
                next++;
            }
            used.add(next);
            fates.add(new Fate(service, next, desired.containerName(service, next), Fate.Action.CREATE, null));
        }
        fates.sort(Comparator.comparing((Fate f) -> f.action() == Fate.Action.REMOVE)
                .thenComparingInt(Fate::number)
                .thenComparing(Fate::name));
        return fates;
    }

    private Fate.Action keptAction(String service, ObservedContainer c, Recreate strategy) {
        if (obsolete(service, c, strategy)) {
            return Fate.Action.RECREATE;
        }
        return switch (c.state()) {
            case RUNNING, RESTARTING, PAUSED -> Fate.Action.KEEP;
            case CREATED, EXITED, REMOVING, DEAD -> Fate.Action.START;
        };
    }

    boolean obsolete(String service, ObservedContainer c, Recreate strategy) {
        return switch (strategy) {
            case NEVER -> false;
            case FORCE -> true;
            case DIVERGED ->
                !Objects.equals(c.configHash(), desired.configHash(service))
                        || imageChanged(service, c)
                        || c.state() == ContainerState.DEAD;
        };
    }

    /**
     * The image changed when the local image for the service's reference is not the one the
     * container runs. An image not present locally (about to be pulled) cannot be compared: the
     * caller observes again after the pull phase to notice a pulled update.
     */
    private boolean imageChanged(String service, ObservedContainer c) {
        if (c.imageId() == null) {
            return false;
        }
        return observed.image(desired.image(service))
                .map(ObservedImage::id)
                .map(id -> !id.equals(c.imageId()))
                .orElse(false);
    }
}
