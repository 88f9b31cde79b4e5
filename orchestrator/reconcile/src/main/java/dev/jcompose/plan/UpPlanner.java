package dev.jcompose.plan;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.graph.ServiceGraph;
import dev.jcompose.model.References;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.model.ServiceDependency;
import dev.jcompose.observe.ObservedContainer;
import dev.jcompose.observe.ObservedState;
import dev.jcompose.settings.ServiceSettings;
import dev.jcompose.state.ContainerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Plans {@code up}: orphans, networks, volumes and images first; then, service by service in
 * dependency order, scale-down removals and container creation or recreation (a service's new
 * containers are created after those they share volumes or namespaces with, recreated ones after
 * those of every service they depend on); then the start phase, where
 * a service's containers start after its dependencies are started, healthy or completed, as each
 * {@code depends_on} condition says. Unchanged running containers get no step; waits on
 * conditions are always planned, as compose always waits for them.
 */
final class UpPlanner {
    private final DesiredProject desired;
    private final ObservedState observed;
    private final PlanOptions options;
    private final StepList steps = new StepList();
    private final ResourceSteps resources;
    private final Map<String, List<Fate>> fates = new HashMap<>();
    /** Observed container name to the step that stops it because a dependency is recreated. */
    private final Map<String, String> stoppedForRestart = new HashMap<>();

    private ServiceGraph graph;
    private StartGate startGate;

    UpPlanner(DesiredProject desired, ObservedState observed, PlanOptions options) {
        this.desired = desired;
        this.observed = observed;
        this.options = options;
        this.resources = new ResourceSteps(desired, observed, steps);
    }

    Plan<Operation> plan() {
        graph = options.services().isEmpty()
                ? desired.graph()
                : desired.graph().subgraph(options.services(), !options.noDeps());
        List<String> order = graph.startOrder();
        auditSettings(order);
        requireDonors(order);
        startGate = new StartGate(desired, graph, steps, d -> scale(d) != 0);
        new OrphanSteps(desired, observed, options, steps).plan(false);
        resources.plan(graph.services(), options.pull(), options.build());
        Convergence convergence = new Convergence(desired, observed);
        for (String service : order) {
            fates.put(service, convergence.decide(service, scale(service), strategy(service)));
        }
        Map<String, List<String>> converged = new HashMap<>();
        for (String service : order) {
            converged.put(service, createPhase(service, converged));
        }
        warnPaused(order);
        if (!options.noStart()) {
            Map<String, List<String>> started = new HashMap<>();
            for (String service : order) {
                started.put(service, startPhase(service, started));
            }
        }
        return steps.plan();
    }

    /** Settings jcompose does not apply: a warning each, or (weaker confinement than asked) an error first. */
    private void auditSettings(List<String> order) {
        for (String service : order) {
            if (scale(service) > 0) {
                ServiceSettings.check(service, desired.service(service)).forEach(f -> steps.warn(f.message()));
            }
        }
    }

    /**
     * A service taking a namespace or volumes from another service's container needs that container:
     * when the donor is outside this up (--no-deps) and has none, compose fails before changing
     * anything, with its words, rather than leaving the service without a network or volumes.
     */
    private void requireDonors(List<String> order) {
        for (String service : order) {
            ServiceConfig s = desired.service(service);
            if (scale(service) == 0) {
                continue;
            }
            for (String donor : s.volumesFrom().stream()
                    .map(References::volumesFromService)
                    .flatMap(Optional::stream)
                    .toList()) {
                requireDonor(donor, "volume");
            }
            References.networkModeService(s.networkMode()).ifPresent(d -> requireDonor(d, "network namespace"));
            References.networkModeService(s.ipc()).ifPresent(d -> requireDonor(d, "IPC namespace"));
            References.networkModeService(s.pid()).ifPresent(d -> requireDonor(d, "PID namespace"));
        }
    }

    /** The services whose containers a container of {@code service} is made from: volumes and namespaces it shares. */
    private List<String> donors(String service) {
        ServiceConfig s = desired.service(service);
        List<String> out = new ArrayList<>();
        s.volumesFrom().stream()
                .map(References::volumesFromService)
                .flatMap(Optional::stream)
                .forEach(out::add);
        Stream.of(s.networkMode(), s.ipc(), s.pid())
                .map(References::networkModeService)
                .flatMap(Optional::stream)
                .forEach(out::add);
        return out;
    }

    private void requireDonor(String donor, String what) {
        if (!graph.services().contains(donor)
                && observed.serviceContainers(desired.name(), donor).isEmpty()) {
            throw new JcomposeException(
                    "cannot share " + what + " with service " + donor + ": container missing",
                    "start " + donor + " first: jcompose up -d " + donor,
                    ExitCode.FAILURE);
        }
    }

    private int scale(String service) {
        return options.scale().getOrDefault(service, desired.service(service).effectiveScale());
    }

    /**
     * compose applies --force-recreate / --no-recreate to the named services, and to dependencies
     * only with --always-recreate-deps. A container sharing the network, IPC or PID namespace of a
     * container that is recreated would keep pointing at the removed one: it is recreated too.
     */
    private Recreate strategy(String service) {
        Recreate chosen;
        if (options.services().isEmpty() || options.services().contains(service)) {
            chosen = options.recreate();
        } else if (options.recreate() == Recreate.NEVER) {
            chosen = Recreate.NEVER;
        } else {
            chosen = options.alwaysRecreateDeps() ? Recreate.FORCE : Recreate.DIVERGED;
        }
        if (chosen == Recreate.DIVERGED && sharesNamespaceWithRecreated(desired.service(service))) {
            return Recreate.FORCE;
        }
        return chosen;
    }

    private boolean sharesNamespaceWithRecreated(ServiceConfig s) {
        return Stream.of(s.networkMode(), s.ipc(), s.pid())
                .map(References::networkModeService)
                .flatMap(Optional::stream)
                .map(fates::get)
                .filter(Objects::nonNull)
                .anyMatch(fs -> fs.stream().anyMatch(f -> f.action() == Fate.Action.RECREATE));
    }

    private Duration timeout(String service) {
        if (options.timeout() != null) {
            return options.timeout();
        }
        ServiceConfig s = desired.service(service);
        return s == null ? null : s.stopGracePeriod();
    }

    private void warnPaused(List<String> order) {
        for (String service : order) {
            for (Fate f : fates.get(service)) {
                if (f.action() == Fate.Action.KEEP
                        && f.observed().state() == ContainerState.PAUSED
                        && !stoppedForRestart.containsKey(f.observed().name())) {
                    steps.warn("container " + f.name() + " is paused and is left paused; unpause it to resume it");
                }
            }
        }
    }

    private List<String> createPhase(String service, Map<String, List<String>> converged) {
        List<Fate> mine = fates.get(service);
        for (Fate f : mine) {
            if (f.action() == Fate.Action.REMOVE) {
                String stop = stopIfUp(f.observed(), service, timeout(service), List.of());
                steps.add(
                        "remove:" + f.name(),
                        new Operation.RemoveContainer(service, f.number(), f.name(), false),
                        stop == null ? List.of() : List.of(stop));
            }
        }
        boolean recreating = mine.stream().anyMatch(f -> f.action() == Fate.Action.RECREATE);
        List<String> restartStops = recreating ? stopRestartDependents(service) : List.of();
        List<String> base = new ArrayList<>(resources.stepsFor(service));
        List<String> donorsOnly = new ArrayList<>(base);
        graph.dependenciesOf(service).forEach(d -> base.addAll(converged.get(d)));
        donors(service).forEach(d -> donorsOnly.addAll(converged.getOrDefault(d, List.of())));
        String hash = desired.configHash(service);
        List<String> ids = new ArrayList<>();
        for (Fate f : mine) {
            if (f.action() == Fate.Action.CREATE) {
                // a new container waits only for the containers it is made from (namespaces, volumes_from):
                // the rest of depends_on orders the starts, and the creations of a chain run at once
                List<String> deps = new ArrayList<>(donorsOnly);
                deps.addAll(nameFreed(f.name(), null));
                ids.add(steps.add(
                        "create:" + f.name(),
                        new Operation.CreateContainer(service, f.number(), f.name(), hash),
                        deps));
            } else if (f.action() == Fate.Action.RECREATE) {
                List<String> deps = new ArrayList<>(base);
                deps.addAll(nameFreed(f.name(), f.observed().name()));
                deps.addAll(restartStops);
                String ownStop = stoppedForRestart.get(f.observed().name());
                if (ownStop != null) {
                    deps.add(ownStop);
                }
                ids.add(steps.add(
                        "recreate:" + f.name(),
                        new Operation.RecreateContainer(
                                service, f.number(), f.name(), f.observed().name(), hash, timeout(service)),
                        deps));
            }
        }
        return ids;
    }

    /**
     * A new container's name must be free: if another container has it, it must be one this plan
     * removes (an orphan or a scaled-down replica), and the creation waits for that removal.
     */
    private List<String> nameFreed(String name, String replaced) {
        if (steps.has("create:" + name) || steps.has("recreate:" + name)) {
            // two services share a container_name: each may run alone, never both (docker's conflict)
            throw new JcomposeException(
                    "container name \"" + name + "\" is already in use by another service of this project",
                    "container names are global: give each service its own container_name, or start one "
                            + "of them alone (up SERVICE)",
                    ExitCode.FAILURE);
        }
        if (name.equals(replaced)) {
            return List.of();
        }
        Optional<ObservedContainer> holder = observed.containers().stream()
                .filter(c -> c.name().equals(name))
                .findFirst();
        if (holder.isEmpty()) {
            return List.of();
        }
        if (steps.has("remove:" + name)) {
            return List.of("remove:" + name);
        }
        ObservedContainer c = holder.get();
        throw new JcomposeException(
                "container name \"" + name + "\" is already in use by a container of project " + c.project()
                        + (c.service() == null ? "" : ", service " + c.service()),
                "remove that container, rename it, or run up --remove-orphans if it is an orphan of this project",
                ExitCode.FAILURE);
    }

    /** Dependents declaring {@code restart: true} on {@code service} are stopped before it is recreated. */
    private List<String> stopRestartDependents(String service) {
        List<String> ids = new ArrayList<>();
        for (String dependent : graph.dependentsOf(service)) {
            ServiceDependency dep = desired.service(dependent).dependsOn().get(service);
            if (dep == null || !dep.restart()) {
                continue;
            }
            for (Fate f : fates.get(dependent)) {
                boolean existing = f.action() == Fate.Action.KEEP || f.action() == Fate.Action.RECREATE;
                if (existing
                        && f.observed().state().isUp()
                        && !stoppedForRestart.containsKey(f.observed().name())) {
                    String id = stopIfUp(f.observed(), dependent, timeout(dependent), List.of());
                    stoppedForRestart.put(f.observed().name(), id);
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private String stopIfUp(ObservedContainer c, String service, Duration timeout, List<String> deps) {
        if (!c.state().isUp()) {
            return null;
        }
        return steps.add("stop:" + c.name(), new Operation.StopContainer(service, c.number(), c.name(), timeout), deps);
    }

    private List<String> startPhase(String service, Map<String, List<String>> started) {
        if (scale(service) == 0) {
            return List.of(); // compose neither starts nor waits for a service scaled to nothing
        }
        List<String> gate = startGate.of(service, started);
        // a network recreated under the service stops and restarts its kept containers: starts and waits follow it
        List<String> reconnects = resources.reconnectsFor(service);
        List<String> ids = new ArrayList<>();
        for (Fate f : fates.get(service)) {
            String own = switch (f.action()) {
                case CREATE -> "create:" + f.name();
                case RECREATE -> "recreate:" + f.name();
                case START, REMOVE -> null;
                case KEEP -> stoppedForRestart.get(f.observed().name());
            };
            boolean needsStart = f.action() == Fate.Action.START || own != null;
            if (!needsStart || f.action() == Fate.Action.REMOVE) {
                continue;
            }
            List<String> deps = new ArrayList<>();
            if (own != null) {
                deps.add(own);
            }
            deps.addAll(gate);
            deps.addAll(reconnects);
            ids.add(steps.add("start:" + f.name(), new Operation.StartContainer(service, f.number(), f.name()), deps));
        }
        return ids.isEmpty() ? reconnects : ids;
    }
}
