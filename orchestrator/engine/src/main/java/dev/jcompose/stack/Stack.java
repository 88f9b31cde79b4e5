package dev.jcompose.stack;

import dev.jcompose.api.ComposeService;
import dev.jcompose.api.StackException;
import dev.jcompose.api.StackListener;
import dev.jcompose.api.UpOptions;
import dev.jcompose.build.DockerfileBuilder;
import dev.jcompose.container.ContainerRecord;
import dev.jcompose.container.ContainerRuntime;
import dev.jcompose.container.HostImages;
import dev.jcompose.engine.EngineContext;
import dev.jcompose.execute.ExecutionListener;
import dev.jcompose.execute.PlanExecutor;
import dev.jcompose.execute.PlanResult;
import dev.jcompose.host.Clock;
import dev.jcompose.host.HostAccess;
import dev.jcompose.lease.LeaseBook;
import dev.jcompose.model.Project;
import dev.jcompose.network.NetworkLayer;
import dev.jcompose.network.NetworkRecord;
import dev.jcompose.observe.Labels;
import dev.jcompose.observe.ObservedState;
import dev.jcompose.plan.Operation;
import dev.jcompose.plan.Plan;
import dev.jcompose.plan.PlanOptions;
import dev.jcompose.plan.Recreate;
import dev.jcompose.state.ContainerState;
import dev.jcompose.volume.VolumeStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The engine in process: runs on the process's {@link EngineContext}, owns the network layer, the embedded DNS, the
 * health monitors and restart supervision. Commands run the pure planner on what the
 * {@link Observer} sees and execute the plan with {@link StackOperations}. DNS, health and
 * restarts keep running while the object lives; {@link #close()} stops them (containers keep running).
 */
public final class Stack implements AutoCloseable {
    static final Duration COMMAND_SLACK = Duration.ofMinutes(15);

    final EngineContext engine;
    /** The machine's clock (HostAccess): event and exit times. */
    final Clock clock;

    final StackPaths paths;
    final ContainerRuntime runtime;
    final NetworkLayer network;
    final NetworkLabels networkLabels;
    final NetworkLayer.Dns dns;
    final VolumeStore volumes;
    final HostImages hostImages;
    final ImageSource images;
    final Containers containers;
    final Supervision supervision;
    final Observer observer;
    final LeaseBook leases;
    /** Attached {@code run --rm} one-offs created and not started yet (see {@link OneOffRun#prepare}). */
    final java.util.Set<String> unclaimedOneOffs = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Stack(
            StackSettings settings,
            HostAccess host,
            EngineContext engine,
            StackKernel kernel,
            ImageSource imageSource) {
        this.paths = new StackPaths(settings.paths());
        this.engine = engine;
        this.clock = host.clock();
        this.runtime = kernel.runtime();
        this.network = kernel.network();
        this.networkLabels = new NetworkLabels(paths.networkLabels());
        this.dns = network.dns();
        this.volumes = new VolumeStore(paths.volumes(), host.clock());
        this.hostImages = new HostImages(
                settings.paths(), HostImages.Settings.defaults(host.environment()), LocalImages.users(runtime));
        this.images = imageSource != null
                ? imageSource
                : new LocalImages(
                        hostImages,
                        settings.pull(),
                        new DockerfileBuilder(hostImages, runtime, settings.paths(), host.runner(), host.clock()));
        this.containers = new Containers(runtime, network, dns, volumes, images, new ContainerFiles(paths));
        this.supervision = engine.await(
                engine.call(() -> new Supervision(engine, containers, host.clock())), Duration.ofSeconds(30));
        this.leases = new LeaseBook(paths.leases());
        this.observer =
                new Observer(runtime, network.networks(), networkLabels, volumes, hostImages, supervision::healthOf);
    }

    /**
     * Opens the engine: recovers the network layer and serves DNS on the networks that exist.
     *
     * @param host   the machine's seams, from the process's composition root
     * @param engine the process's engine context (its one Vert.x); the stack uses it and does not close it
     */
    public static Stack open(StackSettings settings, HostAccess host, EngineContext engine) {
        return open(settings, host, engine, StackKernel.real(settings, host, engine.vertx()), null);
    }

    /**
     * @param kernel the container runtime and network layer to drive (the real ones, or test doubles); the stack
     *               serves DNS through the layer's {@code dns()} and stops its servers at close
     * @param images replaces the local image store join (the runtime facade, or a test double); null: the local store
     */
    public static Stack open(
            StackSettings settings, HostAccess host, EngineContext engine, StackKernel kernel, ImageSource images) {
        Stack stack = new Stack(settings, host, engine, kernel, images);
        try {
            stack.network.recover();
            stack.dns.load(stack.network.networks().state());
            for (NetworkRecord n : stack.network.networks().state().networks().values()) {
                try {
                    stack.dns.serve(n);
                } catch (RuntimeException servedElsewhere) {
                    // another jcompose process (the one that ran up) answers on this gateway already
                }
            }
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /**
     * Receives the engine's events of every project beyond any one command (exits, health changes,
     * restarts) until the returned handle is run.
     */
    public Runnable subscribe(StackListener listener) {
        return subscribe(Optional.empty(), listener);
    }

    /**
     * Receives the events of {@code project} (every project's when empty), from every command and
     * from supervision, until the returned handle is run; {@code jcompose events} listens here.
     */
    public Runnable subscribe(Optional<String> project, StackListener listener) {
        engine.await(
                engine.call(() -> {
                    supervision.addListener(project, listener);
                    return null;
                }),
                Duration.ofSeconds(30));
        return () -> engine.await(
                engine.call(() -> {
                    supervision.removeListener(project, listener);
                    return null;
                }),
                Duration.ofSeconds(30));
    }

    public ComposeService service() {
        return new StackService(this);
    }

    ObservedState observe(List<ContainerRecord> records) {
        return observer.observe(records);
    }

    /** Runs a plan to the end; throws the first failure as docker compose reports it. */
    void execute(
            Project project,
            List<ContainerRecord> records,
            Plan<Operation> plan,
            Duration waitTimeout,
            StackListener listener) {
        if (plan.isEmpty()) {
            return;
        }
        StackOperations ops = new StackOperations(
                        engine,
                        project,
                        containers,
                        network,
                        networkLabels,
                        dns,
                        volumes,
                        images,
                        supervision,
                        waitTimeout)
                .knowing(records)
                .running(plan);
        // the command's progress: its own project's events only, never another project's command's
        Runnable unsubscribe = subscribe(Optional.of(project.name()), listener);
        try {
            PlanResult result = engine.await(
                    new PlanExecutor<>(engine, ops, ExecutionListener.none())
                            .execute(plan)
                            .result(),
                    waitTimeout.plus(COMMAND_SLACK));
            result.firstFailure().ifPresent(f -> {
                if (f.cause() instanceof dev.jcompose.JcomposeException je) {
                    throw je;
                }
                throw new StackException(String.valueOf(f.cause().getMessage()), null, f.cause());
            });
        } finally {
            unsubscribe.run();
        }
    }

    /**
     * Removes what an engine killed in the middle of a create left for a container that never came
     * to exist: its endpoint (netns, veths, address lease, published ports), its anonymous volumes,
     * its stack files, and a runtime record saved before the OCI runtime created anything. A
     * create attaches the endpoint before the runtime records the container, so such an endpoint
     * has no container record. Only sound while no create can be in flight: the background engine
     * calls it once, before it serves its first command.
     */
    public void reapHalfCreated() {
        java.util.Set<String> ids = new TreeSet<>();
        for (ContainerRecord r : runtime.list()) { // also removes runtime state that has no record
            if (neverRan(r)) {
                containers.remove(r.id(), true);
            } else {
                ids.add(r.id());
            }
        }
        for (String id : List.copyOf(network.endpoints().state().endpoints().keySet())) {
            if (!ids.contains(id)) {
                network.endpoints().detach(id);
            }
        }
        for (String id : containers.files().ids()) {
            if (!ids.contains(id)) {
                containers.files().reservedVolumes(id).forEach(volumes::remove);
                containers.files().delete(id);
            }
        }
    }

    /**
     * A record whose runtime container never came to be: the engine was killed after the runtime saved
     * it and before the OCI runtime created it (no runtime state, no exit code, never started). Starting
     * it would fail; removing it lets the next up create it whole.
     */
    private static boolean neverRan(ContainerRecord r) {
        return r.state() == ContainerState.EXITED && r.started() == null && r.exitCode() == null;
    }

    /** Tells the engine about the project's containers found on the host (a fresh process, or runs of other commands). */
    void adopt(List<ContainerRecord> records) {
        // a container that exited while no engine watched it (or one killed mid-stop) still holds its ports;
        // one network-state read finds those, so an ordinary command (ps) pays no lock per exited container
        var endpoints = network.endpoints().state().endpoints();
        records.stream()
                .filter(r -> r.state() == ContainerState.EXITED)
                .filter(r -> endpoints.containsKey(r.id())
                        && !endpoints.get(r.id()).ports().isEmpty())
                .forEach(r -> containers.releasePortsIfExited(r.id()));
        record Found(ContainerRecord rec, ContainerExtras extras, Optional<LastHealth> health, RestartMemory restart) {}
        List<Found> found = records.stream()
                .flatMap(r -> containers
                        .files()
                        .extras(r.id())
                        .map(x -> new Found(
                                r,
                                x,
                                containers.files().lastHealth(r.id()),
                                containers.files().restartMemory(r.id())))
                        .stream())
                .toList();
        engine.await(
                engine.call(() -> {
                    found.forEach(f -> supervision.adopt(f.rec(), f.extras(), f.health(), f.restart()));
                    return null;
                }),
                Duration.ofSeconds(30));
    }

    /**
     * The user stops (or removes) these containers: a restart their policy has pending is dropped, and for
     * an exited one that had one pending the user stop is remembered, as {@link Containers#stop} remembers it.
     */
    void dropPendingRestarts(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<String> dropped = engine.await(
                engine.call(() -> {
                    List<String> pending =
                            ids.stream().filter(supervision::restartPending).toList();
                    pending.forEach(supervision::stopping);
                    return pending;
                }),
                Duration.ofSeconds(30));
        dropped.forEach(containers::stoppedByUser);
    }

    static PlanOptions upOptions(UpOptions o) {
        PlanOptions p = PlanOptions.up()
                .withServices(o.services(), o.noDeps())
                .withPull(o.pull())
                .withRecreate(
                        o.forceRecreate() ? Recreate.FORCE : o.noRecreate() ? Recreate.NEVER : Recreate.DIVERGED, false)
                .withNoStart(o.noStart())
                .withRemoveOrphans(o.removeOrphans())
                .withTimeout(o.timeout())
                .withBuild(o.build());
        for (Map.Entry<String, Integer> e : o.scale().entrySet()) {
            p = p.withScale(e.getKey(), e.getValue());
        }
        return p;
    }

    static boolean ofProject(ContainerRecord r, String project) {
        return project.equals(r.labels().get(Labels.PROJECT));
    }

    static boolean isUp(ContainerRecord r) {
        return r.state() == ContainerState.RUNNING || r.state() == ContainerState.PAUSED;
    }

    Optional<ContainerExtras> extras(String id) {
        return containers.files().extras(id);
    }

    @Override
    public void close() {
        try {
            engine.await(
                    engine.call(() -> {
                        if (supervision != null) {
                            supervision.close();
                        }
                        return null;
                    }),
                    Duration.ofSeconds(30));
        } finally {
            dns.close();
        }
    }
}
