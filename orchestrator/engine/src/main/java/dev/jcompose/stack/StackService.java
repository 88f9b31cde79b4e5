package dev.jcompose.stack;

import dev.jcompose.api.BuildOptions;
import dev.jcompose.api.ComposeService;
import dev.jcompose.api.ContainerEvent;
import dev.jcompose.api.ContainerImage;
import dev.jcompose.api.ContainerProcess;
import dev.jcompose.api.ContainerSummary;
import dev.jcompose.api.DownOptions;
import dev.jcompose.api.ExecOptions;
import dev.jcompose.api.ExecOutcome;
import dev.jcompose.api.FileSync;
import dev.jcompose.api.ImageRemovalScope;
import dev.jcompose.api.LogOptions;
import dev.jcompose.api.LogRecord;
import dev.jcompose.api.OneOffAttach;
import dev.jcompose.api.PortBinding;
import dev.jcompose.api.ProjectLease;
import dev.jcompose.api.RunOptions;
import dev.jcompose.api.RunOutcome;
import dev.jcompose.api.StackEvent;
import dev.jcompose.api.StackException;
import dev.jcompose.api.StackListener;
import dev.jcompose.api.UpOptions;
import dev.jcompose.container.ContainerRecord;
import dev.jcompose.container.ExecOutput;
import dev.jcompose.container.ExecRecipe;
import dev.jcompose.container.ExecRequest;
import dev.jcompose.execute.DependencyWait;
import dev.jcompose.health.HealthState;
import dev.jcompose.model.DependencyCondition;
import dev.jcompose.model.Project;
import dev.jcompose.nat.PublishedPort;
import dev.jcompose.network.EndpointRecord;
import dev.jcompose.observe.Labels;
import dev.jcompose.observe.ObservedContainer;
import dev.jcompose.observe.ObservedState;
import dev.jcompose.plan.DesiredProject;
import dev.jcompose.plan.Operation;
import dev.jcompose.plan.Plan;
import dev.jcompose.plan.PlanOptions;
import dev.jcompose.plan.Planner;
import dev.jcompose.quantity.GoDuration;
import dev.jcompose.state.ContainerState;
import dev.jcompose.state.Health;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/** {@link ComposeService} on a {@link Stack}: plan-driven up/down, direct runtime calls for the rest. */
final class StackService implements ComposeService {
    private final Stack stack;

    StackService(Stack stack) {
        this.stack = stack;
    }

    @Override
    public void up(Project project, UpOptions options, StackListener listener) {
        DesiredProject desired = DesiredProject.of(project)
                .withNameSeparator(options.compatibility() ? Labels.V1_SEPARATOR : Labels.SEPARATOR);
        PlanOptions planOptions = Stack.upOptions(options);
        List<ContainerRecord> records = stack.runtime.list();
        ObservedState observed = stack.observe(records);
        Plan<Operation> plan = Planner.plan(desired, observed, planOptions);
        plan.warnings()
                .forEach(
                        w -> listener.onEvent(new StackEvent("Warning", project.name(), "Warning", w, project.name())));
        // planned (hashed) without the origin labels, created with them: another path recreates nothing
        Project labelled = ProjectLabels.onContainers(project, options.configFiles(), options.workingDir());
        Plan<Operation> imagePhase = Planner.imageSteps(plan);
        if (!imagePhase.isEmpty()) {
            stack.execute(
                    labelled,
                    records,
                    new Plan<>(imagePhase.steps(), List.of()),
                    options.effectiveWaitTimeout(),
                    listener);
            records = stack.runtime.list();
            plan = Planner.plan(desired, stack.observe(records), planOptions.afterImages());
        }
        stack.adopt(
                records.stream().filter(r -> Stack.ofProject(r, project.name())).toList());
        stack.execute(labelled, records, plan, options.effectiveWaitTimeout(), listener);
        if (options.waitHealthy() && !options.noStart()) {
            waitHealthy(project, options);
        }
    }

    /**
     * {@code --wait}: every selected service's containers running, and healthy where they have a
     * healthcheck; past the wait timeout, docker compose's {@code application not healthy after 3s}.
     */
    private void waitHealthy(Project project, UpOptions options) {
        List<String> services =
                options.services().isEmpty() ? List.copyOf(project.services().keySet()) : options.services();
        Duration timeout = options.effectiveWaitTimeout();
        Future<?> all = stack.engine
                .call(() -> {
                    DependencyWait wait = new DependencyWait(
                            stack.engine, stack.engine.scheduler(), stack.supervision.board(project.name()));
                    List<Future<Void>> waits = new ArrayList<>();
                    for (String s : services) {
                        if (project.services().get(s).effectiveScale() == 0) {
                            continue;
                        }
                        boolean healthy = stack.supervision.board(project.name()).containers(s).stream()
                                .anyMatch(c -> c.health() != Health.NONE);
                        // a second past the deadline: the whole wait's deadline below reports the timeout
                        waits.add(wait.await(
                                s,
                                healthy ? DependencyCondition.SERVICE_HEALTHY : DependencyCondition.SERVICE_STARTED,
                                timeout.plusSeconds(1)));
                    }
                    return deadline(Future.all(waits), timeout);
                })
                .compose(f -> f);
        stack.engine.await(all, timeout.plus(Duration.ofMinutes(1)));
    }

    /** {@code waits}, failed with docker compose's message when it is not done within {@code timeout}. */
    private Future<Void> deadline(Future<?> waits, Duration timeout) {
        Promise<Void> result = Promise.promise();
        long timer = stack.engine
                .scheduler()
                .setTimer(
                        timeout,
                        () -> result.tryFail(new StackException(
                                "application not healthy after " + GoDuration.format(timeout),
                                "see `jcompose ps` and `jcompose logs`; if it is just slow, raise --wait-timeout")));
        waits.onComplete(done -> {
            stack.engine.scheduler().cancel(timer);
            if (done.succeeded()) {
                result.tryComplete();
            } else {
                result.tryFail(done.cause());
            }
        });
        return result.future();
    }

    @Override
    public void down(String projectName, Optional<Project> project, DownOptions options, StackListener listener) {
        List<ContainerRecord> records = stack.runtime.list();
        ObservedState observed = stack.observe(records);
        Project model = project.orElseGet(() -> fromLabels(projectName, observed));
        java.util.Set<String> disabled = new TreeSet<>();
        observed.projectContainers(projectName, true).stream()
                .map(ObservedContainer::service)
                .filter(s -> s != null && !model.services().containsKey(s))
                .forEach(disabled::add);
        DesiredProject desired = DesiredProject.of(model, project.isPresent() ? java.util.Set.of() : disabled);
        PlanOptions options1 = PlanOptions.down()
                .withRemoveVolumes(options.volumes())
                .withRemoveOrphans(options.removeOrphans())
                .withTimeout(options.timeout())
                .withServices(options.services(), false);
        Plan<Operation> plan = Planner.plan(desired, observed, options1);
        List<ContainerRecord> mine =
                records.stream().filter(r -> Stack.ofProject(r, projectName)).toList();
        stack.adopt(mine);
        // what adoption scheduled for containers that exited while no engine watched them: down removes them
        stack.dropPendingRestarts(mine.stream().map(ContainerRecord::id).toList());
        ImageRemovalScope rmi = ImageRemovalScope.parse(options.rmi());
        java.util.SortedSet<String> images = rmi == null
                ? new TreeSet<>()
                : ImageRemoval.choose(
                        rmi,
                        projectName,
                        serviceImages(
                                model,
                                records.stream()
                                        .filter(r -> Stack.ofProject(r, projectName))
                                        .toList()));
        stack.execute(model, records, plan, UpOptions.DEFAULT_WAIT, listener);
        if (options.services().isEmpty()) { // down SERVICE leaves the rest of the project, and its lease
            stack.leases.release(projectName);
        }
        if (!images.isEmpty()) {
            ImageRemoval.report(stack.hostImages.remove(images, false), listener);
        }
    }

    /** The model's services and those only the project's containers remember (down without the compose file). */
    private List<ImageRemoval.ServiceImage> serviceImages(Project model, List<ContainerRecord> records) {
        List<ImageRemoval.ServiceImage> out = new ArrayList<>();
        model.services().forEach((name, s) -> out.add(new ImageRemoval.ServiceImage(name, s.image())));
        for (ContainerRecord r : records) {
            String service = r.labels().get(Labels.SERVICE);
            if (service != null && !model.services().containsKey(service)) {
                stack.extras(r.id())
                        .ifPresent(x -> out.add(ImageRemoval.ofContainer(projectName(r), service, x.imageReference())));
            }
        }
        return out;
    }

    private static String projectName(ContainerRecord r) {
        return r.labels().get(Labels.PROJECT);
    }

    /** The project as its containers' labels describe it: services with their dependencies, networks, volumes. */
    private static Project fromLabels(String name, ObservedState observed) {
        return dev.jcompose.plan.LabelledProject.of(name, observed);
    }

    private List<ContainerRecord> containersOf(String project, List<String> services) {
        return stack.runtime.list().stream()
                .filter(r -> Stack.ofProject(r, project))
                .filter(r -> !"True".equalsIgnoreCase(r.labels().get(Labels.ONEOFF)))
                .filter(r -> services.isEmpty() || services.contains(r.labels().get(Labels.SERVICE)))
                .sorted(Comparator.comparing(
                                (ContainerRecord r) -> String.valueOf(r.labels().get(Labels.SERVICE)))
                        .thenComparingInt(r -> number(r))
                        .thenComparing(ContainerRecord::name))
                .toList();
    }

    /** The project's one-off ({@code run}) containers, by service then name. */
    private List<ContainerRecord> oneOffsOf(String project) {
        return stack.runtime.list().stream()
                .filter(r -> Stack.ofProject(r, project))
                .filter(r -> "True".equalsIgnoreCase(r.labels().get(Labels.ONEOFF)))
                .sorted(Comparator.comparing(
                                (ContainerRecord r) -> String.valueOf(r.labels().get(Labels.SERVICE)))
                        .thenComparing(ContainerRecord::name))
                .toList();
    }

    private static int number(ContainerRecord r) {
        try {
            return Integer.parseInt(r.labels().getOrDefault(Labels.CONTAINER_NUMBER, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void lease(String projectName, ProjectLease lease) {
        stack.leases.hold(projectName, lease);
    }

    @Override
    public List<ContainerSummary> ps(String projectName, boolean all) {
        List<ContainerRecord> project = containersOf(projectName, List.of());
        // every container, not only those listed: an exited one's restart policy applies when an engine adopts it
        stack.adopt(project);
        return summaries(
                projectName, project.stream().filter(r -> all || Stack.isUp(r)).toList());
    }

    @Override
    public List<ContainerSummary> oneOffs(String projectName) {
        return summaries(projectName, oneOffsOf(projectName));
    }

    private List<ContainerSummary> summaries(String projectName, List<ContainerRecord> records) {
        List<ContainerSummary> out = new ArrayList<>();
        var endpoints = stack.network.endpoints().state().endpoints(); // one read of the state, not one per row
        for (ContainerRecord r : records) {
            EndpointRecord e = endpoints.get(r.id());
            List<PortBinding> ports = new ArrayList<>(
                    e == null
                            ? List.of()
                            : e.ports().stream().map(StackService::binding).toList());
            if (Stack.isUp(r)) {
                List<String> exposed =
                        stack.extras(r.id()).map(ContainerExtras::exposedPorts).orElse(List.of());
                ports.addAll(ExposedPorts.unpublished(exposed, ports));
            }
            ports.sort(Comparator.comparingInt(PortBinding::containerPort)); // compose: by target port
            MountNames mounts = MountNames.of(r.spec().mounts(), stack.volumes);
            TreeMap<String, String> addresses = new TreeMap<>();
            if (e != null) {
                e.links().forEach(l -> addresses.put(l.network(), l.ip().toString()));
            }
            String image = stack.extras(r.id())
                    .map(ContainerExtras::imageReference)
                    .orElse(r.labels().get(Labels.IMAGE));
            // docker says restarting while the restart policy waits out its backoff
            ContainerState state = stack.supervision.reportedState(r.id(), r.state());
            Optional<HealthState> health = stack.supervision.healthState(r.id());
            out.add(new ContainerSummary(
                    r.id(),
                    r.name(),
                    projectName,
                    r.labels().get(Labels.SERVICE),
                    number(r),
                    image,
                    command(r),
                    state,
                    health.map(HealthState::status).orElse(Health.NONE),
                    r.exitCode() == null ? 0 : r.exitCode(),
                    ports,
                    r.created(),
                    r.started(),
                    r.finished(),
                    new TreeMap<>(r.labels()),
                    addresses,
                    health.filter(h -> !h.log().isEmpty())
                            .map(h -> h.log().getLast().output())
                            .orElse(""),
                    mounts.names(),
                    mounts.volumes()));
        }
        return out;
    }

    /** A published port as the API reports it; all addresses ({@code null}) read {@code 0.0.0.0}, as docker's. */
    private static PortBinding binding(PublishedPort p) {
        return new PortBinding(
                p.hostIp() == null ? "0.0.0.0" : p.hostIp().toString(), p.hostPort(), p.containerPort(), p.protocol());
    }

    private static String command(ContainerRecord r) {
        List<String> argv = new ArrayList<>();
        Optional.ofNullable(
                        r.spec().entrypoint() != null
                                ? r.spec().entrypoint()
                                : r.image().entrypoint())
                .ifPresent(argv::addAll);
        Optional.ofNullable(
                        r.spec().command() != null
                                ? r.spec().command()
                                : r.image().cmd())
                .ifPresent(argv::addAll);
        return String.join(" ", argv);
    }

    @Override
    public void logs(String projectName, LogOptions options, Consumer<LogRecord> sink) {
        new ProjectLogs(
                        stack.runtime,
                        projectName,
                        () -> containersOf(projectName, options.services()),
                        () -> containersOf(projectName, options.services()).stream()
                                .map(r -> stack.supervision.reportedState(r.id(), r.state()))
                                .anyMatch(ContainerState::isUp),
                        listener -> stack.subscribe(Optional.of(projectName), listener::accept))
                .read(options, sink);
    }

    @Override
    public void events(String projectName, List<String> services, Consumer<ContainerEvent> sink) {
        new ProjectEvents(stack, projectName, services).stream(() -> {}, sink);
    }

    @Override
    public void events(String projectName, List<String> services, Runnable subscribed, Consumer<ContainerEvent> sink) {
        new ProjectEvents(stack, projectName, services).stream(subscribed, sink);
    }

    @Override
    public RunOutcome run(Project project, RunOptions options, StackListener listener, Consumer<LogRecord> output) {
        return new OneOffRun(stack).run(project, options, listener, output);
    }

    @Override
    public OneOffAttach createOneOff(Project project, RunOptions options, StackListener listener) {
        return new OneOffRun(stack).prepare(project, options, listener);
    }

    @Override
    public int startOneOff(String projectName, String container, boolean remove, StackListener listener) {
        return new OneOffRun(stack).startAttached(container, remove, listener);
    }

    @Override
    public ExecOutcome exec(String projectName, ExecOptions options) {
        ExecOutput result = stack.runtime.exec(execTarget(projectName, options).id(), request(options));
        return new ExecOutcome(result.exitCode(), result.stdout(), result.stderr());
    }

    @Override
    public ExecRecipe execRecipe(String projectName, ExecOptions options, boolean tty, boolean detach) {
        return stack.runtime.execRecipe(execTarget(projectName, options).id(), request(options), tty, detach);
    }

    private static ExecRequest request(ExecOptions o) {
        return new ExecRequest(o.command(), o.environment(), o.user(), o.workingDir());
    }

    /**
     * The running container of the service's replica {@code options.index()}; without an index, the
     * first running replica, else a running one-off of the service (docker compose's choice).
     */
    private ContainerRecord execTarget(String projectName, ExecOptions options) {
        String service = options.service();
        ContainerRecord r = options.index() > 0
                ? runningReplica(projectName, service, options.index())
                : java.util.stream.Stream.concat(
                                containersOf(projectName, List.of(service)).stream(),
                                oneOffsOf(projectName).stream()
                                        .filter(o -> service.equals(o.labels().get(Labels.SERVICE))))
                        .filter(Stack::isUp)
                        .findFirst()
                        .orElseThrow(() -> new StackException(
                                "service \"" + service + "\" is not running",
                                "start it with `jcompose up -d " + service + "`"));
        if (r.state() != ContainerState.RUNNING) {
            throw new StackException(
                    "container " + r.name() + " is paused",
                    "resume it with `jcompose unpause " + options.service() + "`");
        }
        return r;
    }

    /**
     * The service's replica {@code index} if it is up (running or paused); else docker compose's
     * {@code service "web" is not running container #2}.
     */
    private ContainerRecord runningReplica(String projectName, String service, int index) {
        return containersOf(projectName, List.of(service)).stream()
                .filter(c -> number(c) == index && Stack.isUp(c))
                .findFirst()
                .orElseThrow(() -> new StackException(
                        "service \"" + service + "\" is not running container #" + index,
                        "start it with `jcompose up -d " + service + "`"));
    }

    @Override
    public void start(String projectName, List<String> services, StackListener listener) {
        new ProjectLifecycle(stack).start(projectName, services, listener);
    }

    @Override
    public void stop(String projectName, List<String> services, Duration timeout, StackListener listener) {
        new ProjectLifecycle(stack).stop(projectName, services, timeout, listener);
    }

    @Override
    public void restart(String projectName, List<String> services, Duration timeout, StackListener listener) {
        new ProjectLifecycle(stack).restart(projectName, services, timeout, listener);
    }

    @Override
    public void kill(String projectName, List<String> services, String signal, StackListener listener) {
        for (ContainerRecord r : containersOf(projectName, services)) {
            if (Stack.isUp(r)) {
                stack.runtime.kill(r.id(), signal == null ? "SIGKILL" : signal);
                tell(listener, projectName, StackEvent.container(r.name(), "Killed"));
            }
        }
    }

    @Override
    public void pause(String projectName, List<String> services, StackListener listener) {
        List<String> alreadyPaused = new ArrayList<>();
        for (ContainerRecord r : containersOf(projectName, services)) {
            if (r.state() == ContainerState.RUNNING) {
                stack.runtime.pause(r.id());
                tell(listener, projectName, StackEvent.container(r.name(), "Paused"));
            } else if (r.state() == ContainerState.PAUSED) {
                alreadyPaused.add(r.name());
            }
        }
        // docker refuses to pause a paused container, and docker compose passes that on (exit 1)
        if (!alreadyPaused.isEmpty()) {
            throw new StackException(
                    "container " + String.join(", ", alreadyPaused) + " is already paused",
                    "resume it with `jcompose unpause`");
        }
    }

    @Override
    public void unpause(String projectName, List<String> services, StackListener listener) {
        for (ContainerRecord r : containersOf(projectName, services)) {
            if (r.state() == ContainerState.PAUSED) {
                stack.runtime.unpause(r.id());
                tell(listener, projectName, StackEvent.container(r.name(), "Unpaused"));
            }
        }
    }

    @Override
    public void rm(String projectName, List<String> services, boolean volumes, StackListener listener) {
        for (ContainerRecord r : containersOf(projectName, services)) {
            if (r.state() == ContainerState.EXITED || r.state() == ContainerState.CREATED) {
                stack.containers.remove(r.id(), volumes);
                onLoop(() -> stack.supervision.removed(r.id()));
                tell(listener, projectName, StackEvent.container(r.name(), "Removed"));
            }
        }
    }

    @Override
    public Optional<PortBinding> port(String projectName, String service, int index, int privatePort, String protocol) {
        String proto = protocol == null ? "tcp" : protocol;
        ContainerRecord r = runningReplica(projectName, service, index);
        return Optional.ofNullable(stack.network.endpoints().state().endpoints().get(r.id()))
                .flatMap(e -> e.ports().stream()
                        .filter(p ->
                                p.containerPort() == privatePort && p.protocol().equals(proto))
                        .findFirst())
                .map(StackService::binding);
    }

    @Override
    public SortedMap<String, List<ContainerProcess>> top(String projectName, List<String> services) {
        SortedMap<String, List<ContainerProcess>> out = new TreeMap<>();
        ContainerProcesses processes = new ContainerProcesses(Path.of("/proc"), stack.clock.now());
        for (ContainerRecord r : containersOf(projectName, services)) {
            if (Stack.isUp(r)) {
                out.put(r.name(), processes.of(r.cgroupsPath()));
            }
        }
        return out;
    }

    @Override
    public List<ContainerImage> images(String projectName, List<String> services) {
        Map<String, Long> sizes = new HashMap<>();
        stack.hostImages.list().forEach(i -> sizes.put(i.id().toString(), i.size()));
        List<ContainerImage> out = new ArrayList<>();
        for (ContainerRecord r : containersOf(projectName, services)) {
            String id = r.labels().get(Labels.IMAGE);
            String reference =
                    stack.extras(r.id()).map(ContainerExtras::imageReference).orElse(id);
            out.add(new ContainerImage(
                    r.name(),
                    r.labels().get(Labels.SERVICE),
                    reference,
                    id,
                    id == null ? 0 : sizes.getOrDefault(id, 0L)));
        }
        return out;
    }

    @Override
    public void pull(Project project, List<String> services, StackListener listener) {
        TreeSet<String> refs = new TreeSet<>();
        project.services().forEach((name, s) -> {
            if ((services.isEmpty() || services.contains(name)) && s.build() == null && s.image() != null) {
                refs.add(s.image());
            }
        });
        for (String ref : refs) {
            listener.onEvent(new StackEvent("Image", ref, "Pulling", "", project.name()));
            stack.images.pull(ref);
            listener.onEvent(new StackEvent("Image", ref, "Pulled", "", project.name()));
        }
    }

    @Override
    public void build(Project project, BuildOptions options, StackListener listener) {
        ProjectBuilds.buildAll(stack.images, project, options, e -> tell(listener, project.name(), e));
    }

    @Override
    public void push(Project project, dev.jcompose.api.PushOptions options, StackListener listener) {
        new StackPush(stack.images).push(project, options, listener);
    }

    @Override
    public void sync(String projectName, String service, List<FileSync> changes) {
        List<ContainerRecord> running = containersOf(projectName, List.of(service)).stream()
                .filter(r -> r.state() == ContainerState.RUNNING)
                .toList();
        if (running.isEmpty()) {
            throw new StackException(
                    "service \"" + service + "\" has no running container in project " + projectName + " to sync to",
                    "start it with `jcompose up " + service + "`");
        }
        running.forEach(r -> new ContainerSync(r).apply(changes));
    }

    /** A command's own event, also told to the engine's subscribers ({@code events}). */
    private void tell(StackListener listener, String projectName, StackEvent event) {
        StackEvent e = event.of(projectName);
        listener.onEvent(e);
        onLoop(() -> stack.supervision.emit(e));
    }

    private void onLoop(Runnable r) {
        stack.engine.await(
                stack.engine.call(() -> {
                    r.run();
                    return null;
                }),
                Duration.ofSeconds(30));
    }
}
