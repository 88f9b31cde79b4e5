package dev.jcompose.stack;

import dev.jcompose.api.StackEvent;
import dev.jcompose.api.StackException;
import dev.jcompose.bridge.NetworkSpec;
import dev.jcompose.container.ContainerRecord;
import dev.jcompose.engine.EngineContext;
import dev.jcompose.execute.ContainerStatus;
import dev.jcompose.execute.DependencyFailedException;
import dev.jcompose.execute.DependencyWait;
import dev.jcompose.execute.OperationRunner;
import dev.jcompose.ipam.Ipv4;
import dev.jcompose.ipam.Subnet;
import dev.jcompose.model.DependencyCondition;
import dev.jcompose.model.NetworkConfig;
import dev.jcompose.model.Project;
import dev.jcompose.network.NetworkLayer;
import dev.jcompose.network.NetworkRecord;
import dev.jcompose.observe.Labels;
import dev.jcompose.plan.Operation;
import dev.jcompose.plan.Step;
import dev.jcompose.state.ContainerState;
import dev.jcompose.state.Health;
import dev.jcompose.volume.VolumeStore;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * Carries out one command's plan operations on the host: every host call goes through
 * {@code EngineContext.blocking}, and what changed is reported to the {@link Supervision} on the loop.
 */
final class StackOperations implements OperationRunner<Operation> {
    private final EngineContext engine;
    private final Project project;
    private final Containers containers;
    private final NetworkLayer network;
    private final NetworkLabels networkLabels;
    private final NetworkLayer.Dns dns;
    private final VolumeStore volumes;
    private final ImageSource images;
    private final Supervision supervision;
    private final Duration waitTimeout;
    /**
     * Container name to id, seeded from the command's observation and kept by its own creations and
     * removals: listing the runtime from parallel operations would race with their deletions.
     */
    private final Map<String, String> ids = new java.util.concurrent.ConcurrentHashMap<>();
    /** Containers this command's plan removes: stopping them need not wait for their ports' release. */
    private final java.util.Set<String> removedLater = new java.util.HashSet<>();

    StackOperations(
            EngineContext engine,
            Project project,
            Containers containers,
            NetworkLayer network,
            NetworkLabels networkLabels,
            NetworkLayer.Dns dns,
            VolumeStore volumes,
            ImageSource images,
            Supervision supervision,
            Duration waitTimeout) {
        this.engine = engine;
        this.project = project;
        this.containers = containers;
        this.network = network;
        this.networkLabels = networkLabels;
        this.dns = dns;
        this.volumes = volumes;
        this.images = images;
        this.supervision = supervision;
        this.waitTimeout = waitTimeout;
    }

    StackOperations knowing(java.util.List<ContainerRecord> records) {
        records.forEach(r -> ids.put(r.name(), r.id()));
        return this;
    }

    /** What the plan does beyond the step at hand: which of the containers it stops it also removes. */
    StackOperations running(dev.jcompose.plan.Plan<Operation> plan) {
        for (Step<Operation> step : plan.steps()) {
            if (step.op() instanceof Operation.RemoveContainer r) {
                removedLater.add(r.name());
            }
        }
        return this;
    }

    /** Every event of this command is its project's: other projects' commands do not hear it. */
    private void emit(StackEvent e) {
        supervision.emit(e.of(project.name()));
    }

    private String idOf(String name) {
        String id = ids.get(name);
        if (id == null) {
            throw new StackException(
                    "no such container: " + name, "list the project's containers with `jcompose ps -a`");
        }
        return id;
    }

    @Override
    public Future<?> run(Step<Operation> planned) {
        return switch (planned.op()) {
            case Operation.CreateNetwork op ->
                step("Network", op.name(), "Creating", "Created", () -> createNetwork(op));
            case Operation.RecreateNetwork op -> recreateNetwork(op);
            case Operation.RemoveNetwork op ->
                step("Network", op.name(), "Removing", "Removed", () -> {
                    dns.stop(op.name());
                    network.networks().remove(op.name());
                    networkLabels.remove(op.name());
                    return null;
                });
            case Operation.CreateVolume op ->
                step("Volume", op.name(), "Creating", "Created", () -> {
                    Map<String, String> labels = new TreeMap<>(ContainerMounts.volumeLabels(
                            project.name(), op.key(), project.volumes().get(op.key())));
                    labels.put(Labels.CONFIG_HASH, op.configHash());
                    return volumes.create(op.name(), labels);
                });
            case Operation.RemoveVolume op ->
                step("Volume", op.name(), "Removing", "Removed", () -> volumes.remove(op.name()));
            case Operation.PullImage op ->
                step("Image", op.reference(), "Pulling", "Pulled", () -> {
                    images.pull(op.reference());
                    return null;
                });
            case Operation.BuildImage op ->
                step("Image", op.reference(), "Building", "Built", () -> {
                    ProjectBuilds.build(images, project, op.service(), ProjectBuilds.Overrides.NONE, this::emit);
                    return null;
                });
            case Operation.CreateContainer op ->
                create(op.service(), op.number(), op.name(), op.configHash(), "Creating", "Created", Map.of());
            case Operation.RecreateContainer op -> recreate(op);
            case Operation.StartContainer op -> start(op.name());
            case Operation.StopContainer op -> stop(op.name(), op.timeout());
            case Operation.RemoveContainer op -> remove(op.name(), op.anonymousVolumes());
            case Operation.WaitForCondition op -> await(op);
        };
    }

    private <T> Future<T> step(String kind, String name, String doing, String done, Callable<T> call) {
        emit(new StackEvent(kind, name, doing, ""));
        return engine.blocking(call)
                .onSuccess(v -> emit(new StackEvent(kind, name, done, "")))
                .onFailure(e -> emit(new StackEvent(kind, name, "Error", String.valueOf(e.getMessage()))));
    }

    private NetworkRecord createNetwork(Operation.CreateNetwork op) {
        NetworkConfig n = project.networks().get(op.key());
        NetworkSpec spec = NetworkSpec.of(op.name());
        if (n != null && n.internal()) {
            spec = spec.internalNetwork();
        }
        if (n != null && !n.ipam().config().isEmpty()) {
            NetworkConfig.Pool pool = n.ipam().config().getFirst();
            spec = spec.withIpam(
                    pool.subnet() == null ? null : Subnet.parse(pool.subnet()),
                    pool.gateway() == null ? null : Ipv4.parse(pool.gateway()),
                    pool.ipRange() == null ? null : Subnet.parse(pool.ipRange()));
        }
        Map<String, String> labels = new TreeMap<>(n == null ? Map.of() : n.labels());
        labels.put(Labels.PROJECT, project.name());
        labels.put(Labels.NETWORK, op.key());
        labels.put(Labels.CONFIG_HASH, op.configHash());
        labels.put(Labels.VERSION, dev.jcompose.JcomposeVersion.current());
        networkLabels.put(op.name(), labels);
        NetworkRecord rec = network.networks().ensure(spec);
        dns.serve(rec);
        return rec;
    }

    /**
     * docker compose's order for a network whose definition changed: stop the containers attached to it,
     * disconnect them, remove and create the network, reconnect them (new addresses, same containers) and
     * start those that were running. Containers of another project on it cannot be reconnected: refused.
     */
    private Future<?> recreateNetwork(Operation.RecreateNetwork op) {
        return engine.blocking(() -> containers.attachedTo(op.name())).compose(attached -> {
            for (ContainerRecord r : attached) {
                if (!project.name().equals(r.labels().get(Labels.PROJECT))
                        || !project.services().containsKey(r.labels().get(Labels.SERVICE))) {
                    return Future.failedFuture(new StackException(
                            "cannot recreate network " + op.name() + " for its changed configuration: container "
                                    + r.name() + " of another project or service is attached to it",
                            "stop and remove " + r.name() + " first, or run down and up again"));
                }
                ids.put(r.name(), r.id());
            }
            java.util.List<String> running = attached.stream()
                    .filter(Stack::isUp)
                    .map(ContainerRecord::name)
                    .toList();
            Future<?> stopped = Future.succeededFuture();
            for (String name : running) {
                stopped = stopped.compose(v -> stop(name, null));
            }
            return stopped.compose(v -> step("Network", op.name(), "Removing", "Removed", () -> {
                        attached.forEach(r -> containers.disconnect(r.id()));
                        dns.stop(op.name());
                        network.networks().remove(op.name());
                        networkLabels.remove(op.name());
                        return null;
                    }))
                    .compose(v -> step("Network", op.name(), "Creating", "Created", () -> {
                        NetworkRecord rec =
                                createNetwork(new Operation.CreateNetwork(op.key(), op.name(), op.configHash()));
                        attached.forEach(r -> containers.reconnect(project, r.id()));
                        return rec;
                    }))
                    .compose(v -> {
                        Future<?> started = Future.succeededFuture();
                        for (String name : running) {
                            started = started.compose(x -> start(name));
                        }
                        return started;
                    });
        });
    }

    private Future<?> create(
            String service,
            int number,
            String name,
            String hash,
            String doing,
            String done,
            Map<String, String> inherit) {
        emit(StackEvent.container(name, doing));
        return engine.blocking(() -> {
                    ContainerRecord rec = containers.create(project, service, number, name, hash, inherit);
                    ids.put(name, rec.id());
                    return new Created(rec, containers.files().extras(rec.id()).orElseThrow());
                })
                .map(c -> {
                    supervision.created(c.rec(), c.extras());
                    emit(StackEvent.container(name, done));
                    return null;
                });
    }

    private record Created(ContainerRecord rec, ContainerExtras extras) {}

    /**
     * Like docker compose, the replacement is created first and the old container stopped and
     * removed only then, so a configuration that cannot be created leaves the old one running.
     * Published host ports cannot be held twice, so for a service that publishes ports the old
     * container goes first (and a failed creation leaves the service without a container).
     */
    private Future<?> recreate(Operation.RecreateContainer op) {
        String oldId = idOf(op.replaced());
        emit(StackEvent.container(op.replaced(), "Recreate"));
        boolean portsHeldTwice = !project.services().get(op.service()).ports().isEmpty();
        // the replacement takes over the old container's anonymous volumes (their content carries over)
        Future<Map<String, String>> inherit = engine.blocking(() -> containers.anonymousVolumesByTarget(oldId));
        if (portsHeldTwice) {
            return inherit.compose(volumes -> retire(oldId, op)
                    .compose(v -> create(
                            op.service(), op.number(), op.name(), op.configHash(), "Creating", "Recreated", volumes)));
        }
        return inherit.compose(volumes ->
                        create(op.service(), op.number(), op.name(), op.configHash(), "Creating", "Created", volumes))
                .compose(v -> retire(oldId, op))
                .map(v -> {
                    emit(StackEvent.container(op.name(), "Recreated"));
                    return null;
                });
    }

    /** Stops and removes the replaced container. */
    private Future<Void> retire(String oldId, Operation.RecreateContainer op) {
        supervision.stopping(oldId);
        return supervision
                .quiet()
                .compose(q -> engine.blocking(() -> {
                    containers.stop(oldId, op.timeout());
                    containers.remove(oldId, false);
                    ids.remove(op.replaced(), oldId);
                    return oldId;
                }))
                .map(removed -> {
                    supervision.removed(removed);
                    return null;
                });
    }

    private Future<?> start(String name) {
        emit(StackEvent.container(name, "Starting"));
        return engine.blocking(() -> {
                    ContainerRecord rec = containers.start(idOf(name));
                    return new Created(rec, containers.files().extras(rec.id()).orElseThrow());
                })
                .map(c -> {
                    emit(StackEvent.container(name, "Started"));
                    supervision.started(c.rec(), c.extras());
                    return null;
                });
    }

    private Future<?> stop(String name, Duration timeout) {
        emit(StackEvent.container(name, "Stopping"));
        String id = idOf(name);
        boolean removedNext = removedLater.contains(name);
        supervision.stopping(id);
        return supervision
                .quiet()
                .compose(q -> engine.blocking(() -> containers.stop(id, timeout, !removedNext)))
                .map(code -> {
                    if (removedNext) {
                        supervision.exitedBeforeRemoval(id, code);
                    } else {
                        supervision.exitedNow(id, code, null);
                    }
                    emit(StackEvent.container(name, "Stopped"));
                    return null;
                });
    }

    private Future<?> remove(String name, boolean anonymousVolumes) {
        emit(StackEvent.container(name, "Removing"));
        String known = ids.get(name);
        if (known != null) {
            supervision.stopping(known);
        }
        return supervision
                .quiet()
                .compose(q -> engine.blocking(() -> {
                    String id = idOf(name);
                    containers.remove(id, anonymousVolumes);
                    ids.remove(name, id);
                    return id;
                }))
                .map(id -> {
                    supervision.removed(id);
                    emit(StackEvent.container(name, "Removed"));
                    return null;
                });
    }

    /**
     * compose's lines: each container waited for says Waiting, then Healthy (or Exited) once the
     * condition holds. A container changing state meanwhile announces that itself (the health
     * monitor, the exit poll); one already healthy or exited when the wait begins is announced here.
     */
    private Future<?> await(Operation.WaitForCondition op) {
        DependencyCondition condition = op.condition();
        java.util.List<ContainerStatus> before =
                supervision.board(project.name()).containers(op.service());
        before.forEach(c -> emit(StackEvent.container(c.name(), "Waiting")));
        Future<Void> wait = new DependencyWait(engine, engine.scheduler(), supervision.board(project.name()))
                .await(op.service(), condition, waitTimeout)
                .onSuccess(v -> before.stream()
                        .filter(c -> settled(c, condition))
                        .forEach(c -> emit(
                                condition == DependencyCondition.SERVICE_HEALTHY
                                        ? StackEvent.container(c.name(), "Healthy")
                                        : new StackEvent("Container", c.name(), "Exited", "(" + c.exitCode() + ")"))));
        if (op.required()) {
            return wait;
        }
        return wait.recover(e -> {
            String warning =
                    e instanceof DependencyFailedException d ? d.optionalWarning() : String.valueOf(e.getMessage());
            emit(new StackEvent("Warning", op.service(), "Warning", warning));
            return Future.succeededFuture();
        });
    }

    private static boolean settled(ContainerStatus c, DependencyCondition condition) {
        return condition == DependencyCondition.SERVICE_HEALTHY
                ? c.health() == Health.HEALTHY
                : c.state() == ContainerState.EXITED;
    }
}
