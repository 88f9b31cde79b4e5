package dev.jcompose.stack;

import dev.jcompose.api.StackException;
import dev.jcompose.container.Attach;
import dev.jcompose.container.ContainerRecord;
import dev.jcompose.container.ContainerRuntime;
import dev.jcompose.container.CreateRequest;
import dev.jcompose.container.ImageRef;
import dev.jcompose.dns.EtcHosts;
import dev.jcompose.dns.ResolvConf;
import dev.jcompose.endpoint.AttachmentRequest;
import dev.jcompose.endpoint.EndpointSpec;
import dev.jcompose.endpoint.NetworkMode;
import dev.jcompose.host.Overlap;
import dev.jcompose.model.Healthcheck;
import dev.jcompose.model.NetworkConfig;
import dev.jcompose.model.Project;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.nat.PortRequest;
import dev.jcompose.network.EndpointRecord;
import dev.jcompose.network.LinkRecord;
import dev.jcompose.network.NetworkLayer;
import dev.jcompose.network.NetworkRecord;
import dev.jcompose.observe.Labels;
import dev.jcompose.oci.ContainerSpec;
import dev.jcompose.restart.RestartPolicy;
import dev.jcompose.rootfs.RootfsCopier;
import dev.jcompose.state.ContainerState;
import dev.jcompose.volume.VolumeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One container's life on the host, as blocking calls: create from a service (image, volumes,
 * endpoint, /etc files, runtime), start (an exited one again on its kept writable layer), stop,
 * remove. DNS names are registered while the container runs.
 */
final class Containers {
    private final ContainerRuntime runtime;
    private final NetworkLayer network;
    private final NetworkLayer.Dns dns;
    private final VolumeStore volumes;
    private final ImageSource images;
    private final ContainerFiles files;
    private final ContainerMounts mounts;
    private final RootfsCopier copier = new RootfsCopier();
    private final Object seeding = new Object();
    /** Per container: start and the release of its ports on exit must not interleave. */
    private final java.util.concurrent.ConcurrentMap<String, Object> locks =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final java.security.SecureRandom random = new java.security.SecureRandom();

    Containers(
            ContainerRuntime runtime,
            NetworkLayer network,
            NetworkLayer.Dns dns,
            VolumeStore volumes,
            ImageSource images,
            ContainerFiles files) {
        this.runtime = runtime;
        this.network = network;
        this.dns = dns;
        this.volumes = volumes;
        this.images = images;
        this.files = files;
        this.mounts = new ContainerMounts(volumes);
    }

    ContainerRuntime runtime() {
        return runtime;
    }

    ContainerFiles files() {
        return files;
    }

    /** The container named {@code name} (of any project), if it exists. */
    Optional<ContainerRecord> byName(String name) {
        return runtime.list().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    ContainerRecord require(String name) {
        return byName(name)
                .orElseThrow(() -> new StackException(
                        "no such container: " + name, "list the project's containers with `jcompose ps -a`"));
    }

    /**
     * Creates the container of {@code service} replica {@code number}; on failure nothing is left behind.
     * Snapshot pruning waits until the container's record names the snapshots it stacks.
     */
    ContainerRecord create(Project project, String service, int number, String name, String configHash) {
        return create(project, service, number, name, configHash, Map.of());
    }

    /**
     * @param inherit anonymous volumes of the container this one replaces, by mount target: mounted
     *                again where the new container mounts an anonymous volume, so their content carries
     *                over (docker compose's recreate); they become this container's
     */
    ContainerRecord create(
            Project project, String service, int number, String name, String configHash, Map<String, String> inherit) {
        return images.holdingSnapshots(() -> createOnImage(project, service, number, name, configHash, inherit));
    }

    /** A container's anonymous volumes by mount target (what its replacement inherits). */
    Map<String, String> anonymousVolumesByTarget(String id) {
        ContainerRecord rec = runtime.inspect(id);
        Map<String, String> out = new TreeMap<>();
        for (String volume :
                files.extras(id).map(ContainerExtras::anonymousVolumes).orElse(List.of())) {
            volumes.find(volume)
                    .ifPresent(v -> rec.spec().mounts().stream()
                            .filter(m -> m instanceof ContainerSpec.Bind b
                                    && b.source().equals(v.mountpoint().toString()))
                            .forEach(m -> out.put(m.target(), volume)));
        }
        return out;
    }

    private ContainerRecord createOnImage(
            Project project, String service, int number, String name, String configHash, Map<String, String> inherit) {
        ServiceConfig s = project.services().get(service);
        ServiceSpecs.checkHealthcheck(service, s);
        String reference = s.image() == null || s.image().isEmpty() ? project.name() + "-" + service : s.image();
        ResolvedImage image = images.resolve(reference)
                .orElseThrow(() -> new StackException(
                        "image " + reference + " of service " + service + " is not present locally",
                        "pull it first (jcompose pull)"));
        String id = newId();
        String hostname = s.hostname() == null || s.hostname().isEmpty() ? id.substring(0, 12) : s.hostname();
        List<Runnable> undo = new ArrayList<>();
        try {
            undo.add(() -> files.delete(id));
            List<String> made = new ArrayList<>();
            undo.add(() -> made.forEach(volumes::remove));
            ContainerMounts.Resolved m =
                    mounts.resolve(project, s, image.defaults().volumes(), inherit, v -> {
                        files.reserveVolume(id, v);
                        made.add(v);
                    });
            ContainerRecord[] created = new ContainerRecord[1];
            // the runtime's creation needs the endpoint's namespace only: it overlaps the veths and rules
            endpoint(project, service, s, id, name, hostname, undo, netns -> {
                writeFiles(project, s, id, name, hostname);
                List<ContainerSpec.VolumeMount> all = new ArrayList<>(m.mounts());
                all.addAll(ContainerSecrets.mounts(project, s, files.hosts(id).getParent()));
                SharedMounts shared = new SharedMounts(this);
                all.addAll(shared.volumesFrom(project.name(), s, all));
                ContainerSpec spec =
                        ServiceSpecs.spec(s, hostname, all, netns, shared.namespaces(project, service, s, id));
                spec = spec.withOptions(spec.options()
                        .withDevices(HostDevices.resolve(service, s))
                        .withAnnotations(s.annotations())
                        .withDeviceRules(HostDevices.rules(service, s)));
                CreateRequest req = new CreateRequest(
                        id,
                        name,
                        labels(project, s, service, number, configHash, image),
                        configHash,
                        image.snapshotsRoot(),
                        image.layers(),
                        image.defaults(),
                        spec,
                        files.hosts(id),
                        files.resolvConf(id),
                        files.hostname(id),
                        new ImageRef(image.reference(), image.id()),
                        attach(s));
                files.saveExtras(id, extras(project.name(), service, s, image, m.anonymousVolumes(), reference));
                created[0] = runtime.create(req);
                undo.add(() -> runtime.delete(id, true));
            });
            seed(created[0], m.seeds());
            return created[0];
        } catch (RuntimeException e) {
            for (Runnable u : undo.reversed()) {
                try {
                    u.run();
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    /**
     * Fills empty volumes from the image, as docker does when it first mounts them. The container is
     * created, not started: its root file system is mounted and no process of it has run, so the copy
     * reads the image's content (through the overlay, whiteouts applied) before anything else writes.
     */
    private void seed(ContainerRecord rec, List<ContainerMounts.Seed> seeds) {
        // one copy at a time: two services created in parallel may share an empty named volume, and the
        // second must find it filled (and skip) rather than copy over the first
        synchronized (seeding) {
            for (ContainerMounts.Seed s : seeds) {
                copier.copy(rec.rootfs().target(), s.target(), s.volume());
            }
        }
    }

    /**
     * 64 hex characters, docker's length (containers made by engines before this one have 32, and
     * nothing reads an id's length: they keep working as they are).
     */
    private String newId() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static Map<String, String> labels(
            Project project, ServiceConfig s, String service, int number, String configHash, ResolvedImage image) {
        Map<String, String> labels = new TreeMap<>(s.labels());
        labels.put(Labels.PROJECT, project.name());
        labels.put(Labels.SERVICE, service);
        labels.put(Labels.CONTAINER_NUMBER, Integer.toString(number));
        labels.put(Labels.CONFIG_HASH, configHash);
        labels.put(Labels.ONEOFF, oneOff(s) ? "True" : "False");
        labels.put(Labels.IMAGE, image.id());
        labels.put(Labels.VERSION, dev.jcompose.JcomposeVersion.current());
        labels.putAll(dev.jcompose.observe.DependsOnLabel.labels(s)); // not hashed: configHash comes from the plan
        return labels;
    }

    /**
     * stdin_open and tty as docker applies them, to every container: conmon holds the open stdin and
     * the terminal's master, so {@code sh} with {@code stdin_open}/{@code tty} waits for input and keeps
     * running (the compose idiom for a container to exec into), and the log records the terminal's
     * output. An attached {@code run} is the one client that connects to the attach socket.
     */
    private static Attach attach(ServiceConfig s) {
        return new Attach(s.stdinOpen(), s.tty());
    }

    /** A {@code run} container: {@link OneOff} marks the service it runs with the label. */
    static boolean oneOff(ServiceConfig s) {
        return "True".equals(s.labels().get(Labels.ONEOFF));
    }

    private static ContainerExtras extras(
            String project,
            String service,
            ServiceConfig s,
            ResolvedImage image,
            List<String> anonymous,
            String reference) {
        List<String> argv = ServiceSpecs.healthcheckArgv(s, image.healthcheckTest());
        Healthcheck h = s.healthcheck();
        return new ContainerExtras(
                project,
                service,
                argv,
                h == null ? null : h.interval(),
                h == null ? null : h.timeout(),
                h == null || h.retries() == null ? 0 : h.retries().intValue(),
                h == null ? null : h.startPeriod(),
                h == null ? null : h.startInterval(),
                oneOff(s)
                        ? "no" // a one-off ends: compose drops restart and deploy.restart_policy for run
                        : RestartPolicy.ofService(
                                        s.restart(),
                                        s.deploy() == null ? null : s.deploy().restartPolicy())
                                .toString(),
                anonymous,
                reference,
                ExposedPorts.of(image.exposedPorts(), s.expose()));
    }

    /** The containers whose endpoint has an interface on {@code network}. */
    List<ContainerRecord> attachedTo(String network) {
        java.util.Set<String> ids = this.network.endpoints().state().endpoints().values().stream()
                .filter(e -> e.links().stream().anyMatch(l -> l.network().equals(network)))
                .map(EndpointRecord::id)
                .collect(java.util.stream.Collectors.toSet());
        return runtime.list().stream().filter(r -> ids.contains(r.id())).toList();
    }

    /** Takes a stopped container off its networks: its names, addresses, interfaces and namespace go. */
    void disconnect(String id) {
        unregisterDns(id);
        network.endpoints().detach(id);
    }

    /**
     * Attaches a {@link #disconnect}ed container again as its service asks (a namespace at the same path,
     * new addresses) and rewrites its /etc/hosts and resolv.conf; it takes them up when it starts.
     */
    void reconnect(Project project, String id) {
        ContainerRecord rec = runtime.inspect(id);
        String service = rec.labels().get(Labels.SERVICE);
        ServiceConfig s = project.services().get(service);
        String hostname = rec.spec().hostname();
        endpoint(project, service, s, id, rec.name(), hostname, new ArrayList<>(), netns -> {});
        writeFiles(project, s, id, rec.name(), hostname);
    }

    /**
     * The endpoint (bridge mode) or namespace choice of the container, handed to {@code meanwhile} (the
     * runtime's creation), which runs at the same time as the endpoint's wiring.
     */
    private void endpoint(
            Project project,
            String service,
            ServiceConfig s,
            String id,
            String name,
            String hostname,
            List<Runnable> undo,
            Consumer<ContainerSpec.Network> meanwhile) {
        String mode = s.networkMode() == null ? "" : s.networkMode();
        if (mode.equals("host")) {
            meanwhile.accept(ContainerSpec.Network.HOST);
            return;
        }
        if (mode.equals("none")) {
            meanwhile.accept(ContainerSpec.Network.NONE);
            return;
        }
        // registered first: a failed attach removes its endpoint itself, and detaching a missing one is a no-op
        undo.add(() -> network.endpoints().detach(id));
        if (mode.startsWith("service:") || mode.startsWith("container:")) {
            String other = mode.startsWith("service:")
                    ? firstOfService(project.name(), mode.substring(8))
                    : require(mode.substring(10)).id();
            network.endpoints()
                    .attach(
                            new EndpointSpec(id, List.of(), new NetworkMode.Shared(other), List.of(), List.of()),
                            rec -> meanwhile.accept(new ContainerSpec.Network.Path(rec.netns())));
            return;
        }
        // a one-off answers to its own name only (compose: unless --use-aliases), not as the service
        List<String> names = new ArrayList<>(new LinkedHashSet<>(oneOff(s) ? List.of(name) : List.of(name, service)));
        if (s.hostname() != null && !s.hostname().isEmpty()) {
            names.add(hostname);
        }
        List<AttachmentRequest> attachments = new ArrayList<>();
        s.networks().forEach((key, sn) -> attachments.add(ServiceAttachments.attachment(project, key, sn)));
        ServiceAttachments.withServiceMac(attachments, ServiceSpecs.emptyToNull(s.macAddress()));
        List<PortRequest> ports = s.ports().stream().map(ServicePorts::request).toList();
        EndpointSpec spec = new EndpointSpec(
                id,
                names.stream().distinct().toList(),
                new NetworkMode.Bridge(),
                attachments,
                ports,
                ServiceAttachments.linkAliases(s.links()));
        if (s.sysctls().keySet().stream().anyMatch(k -> k.startsWith("net."))) {
            // the runtime sets them at creation, and one may name an interface (net.ipv4.conf.eth0.*):
            // the veths must be there first
            EndpointRecord rec = network.endpoints().attach(spec);
            meanwhile.accept(new ContainerSpec.Network.Path(rec.netns()));
            return;
        }
        network.endpoints().attach(spec, rec -> meanwhile.accept(new ContainerSpec.Network.Path(rec.netns())));
    }

    private String firstOfService(String project, String service) {
        return firstOfService(project, service, "network_mode");
    }

    String firstOfService(String project, String service, String key) {
        return runtime.list().stream()
                .filter(r -> project.equals(r.labels().get(Labels.PROJECT))
                        && service.equals(r.labels().get(Labels.SERVICE)))
                .map(ContainerRecord::id)
                .sorted()
                .findFirst()
                .orElseThrow(() -> new StackException(
                        key + " service:" + service + ": the service has no container", "start " + service + " first"));
    }

    static String networkName(Project project, String key) {
        NetworkConfig n = project.networks().get(key);
        return n == null || n.name() == null ? project.name() + "_" + key : n.name();
    }

    private void writeFiles(Project project, ServiceConfig s, String id, String name, String hostname) {
        EndpointRecord rec =
                namespaceOwner(network.endpoints().state().endpoints().get(id));
        String mode = s.networkMode() == null ? "" : s.networkMode();
        if (mode.equals("host")) {
            files.write(id, readHost("/etc/hosts"), readHost("/etc/resolv.conf"), hostname);
            return;
        }
        List<String> own = new ArrayList<>();
        String gateway = null;
        String internalGateway = null;
        if (rec != null) {
            for (LinkRecord l : rec.links()) {
                own.add(l.ip().toString());
                NetworkRecord n = network.networks().state().networks().get(l.network());
                if (gateway == null && n != null && !n.internal()) {
                    gateway = n.gateway().toString();
                }
                if (internalGateway == null && n != null && n.internal()) {
                    internalGateway = n.gateway().toString();
                }
            }
        }
        // the embedded DNS answers a container's names on every network it is on, from any of them: a
        // network that forwards other names is preferred; on internal networks only, the internal one
        // (it answers the project's names and refuses the rest, as docker's does there)
        gateway = gateway != null ? gateway : internalGateway;
        List<Map.Entry<String, String>> extra = new ArrayList<>();
        for (String e : s.extraHosts()) {
            int sep = e.indexOf('=') >= 0 ? e.indexOf('=') : e.indexOf(':');
            if (sep > 0) {
                extra.add(Map.entry(e.substring(0, sep), e.substring(sep + 1)));
            }
        }
        files.write(
                id,
                EtcHosts.render(own, List.of(hostname, name), extra),
                ResolvConf.render(gateway, s.dns(), s.dnsSearch(), s.dnsOpt()),
                hostname);
    }

    /** In service:/container: mode the namespace owner's addresses and DNS are this container's too. */
    private EndpointRecord namespaceOwner(EndpointRecord e) {
        if (e == null || !e.links().isEmpty() || e.ownsNetns() || e.netns() == null) {
            return e;
        }
        return network.endpoints().state().endpoints().values().stream()
                .filter(o -> o.ownsNetns() && e.netns().equals(o.netns()))
                .findFirst()
                .orElse(e);
    }

    private static String readHost(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Starts a created container, or an exited one again on the same writable layer (what it wrote to its
     * own file system stays, as with docker start; only rm or a recreate drops it).
     */
    ContainerRecord start(String id) {
        return start(id, RestartMemory.FRESH);
    }

    /**
     * Starts an exited container again for its restart policy, the {@code restartCount}th time since the user
     * started it (saved first, so that the next engine counts it against {@code on-failure:N}).
     */
    ContainerRecord restartByPolicy(String id, int restartCount) {
        return start(id, new RestartMemory(false, restartCount));
    }

    /**
     * A running container is left as it is: a policy restart and a command's start may both aim at a container
     * that exited while no engine watched it, and whichever comes second has nothing left to do.
     */
    private ContainerRecord start(String id, RestartMemory memory) {
        synchronized (lock(id)) {
            ContainerRecord rec = runtime.inspect(id);
            if (rec.state() == ContainerState.RUNNING) {
                return rec;
            }
            files.saveRestart(id, memory);
            network.endpoints().publish(id); // a port another program took meanwhile fails the start here
            ContainerRecord started;
            try {
                started = rec.state() == ContainerState.EXITED ? runtime.restart(id) : runtime.start(id);
            } catch (RuntimeException e) {
                releasePortsIfExited(id);
                throw e;
            }
            registerDns(id);
            return started;
        }
    }

    /**
     * Releases the published ports of a container that is not running, as docker does when a container
     * stops: another program may take them until it starts again. The check and the release happen under
     * the container's lock, which {@link #start} holds too, so a late release never strips a running one.
     */
    void releasePortsIfExited(String id) {
        synchronized (lock(id)) {
            ContainerState state;
            try {
                state = runtime.inspect(id).state();
            } catch (RuntimeException gone) {
                return; // removed meanwhile: its removal detached the endpoint
            }
            if (state == ContainerState.EXITED) {
                network.endpoints().unpublish(id);
            }
        }
    }

    private Object lock(String id) {
        return locks.computeIfAbsent(id, k -> new Object());
    }

    void registerDns(String id) {
        EndpointRecord e = network.endpoints().state().endpoints().get(id);
        if (e != null) {
            dns.attached(e);
        }
    }

    void unregisterDns(String id) {
        EndpointRecord e = network.endpoints().state().endpoints().get(id);
        if (e != null) {
            dns.detached(e);
        }
    }

    /** Stops (stop signal, then SIGKILL after the grace period); returns the exit code. */
    int stop(String id, Duration grace) {
        return stop(id, grace, true);
    }

    /**
     * {@link #stop(String, Duration)}; with {@code releasePorts} false the published ports are kept: for a
     * container removed next, which loses its rules with its endpoint anyway, so the containers it depends
     * on stop as soon as it has and no rules change is spent on it.
     */
    int stop(String id, Duration grace, boolean releasePorts) {
        stoppedByUser(id);
        unregisterDns(id);
        int code = runtime.stop(id, grace);
        if (releasePorts) {
            releasePortsIfExited(id);
        }
        return code;
    }

    /**
     * Remembers that the user stopped the container, before it stops: a new engine adopting it then leaves
     * an {@code unless-stopped} container down (dockerd's HasBeenManuallyStopped).
     */
    void stoppedByUser(String id) {
        files.saveRestart(id, files.restartMemory(id).stopped());
    }

    /** Removes the container, its endpoint, files and (with {@code anonymousVolumes}) its anonymous volumes. */
    void remove(String id, boolean anonymousVolumes) {
        unregisterDns(id);
        Optional<ContainerExtras> extras = files.extras(id);
        if (!anonymousVolumes) {
            files.releaseVolumes(id); // first: an engine killed below must not make the next one remove them
        }
        // under the container's lock: a start or a release of its ports after its exit (on a worker) must
        // not interleave with the removal of its endpoint (the runtime itself never saves a removed record)
        synchronized (lock(id)) {
            // removal is idempotent: a one-off's --rm, or another command, may have removed it since the
            // plan was made; what is left of it (endpoint, files, volumes) still goes
            if (runtime.exists(id)) {
                Overlap.together(
                        () -> runtime.delete(id, true),
                        () -> network.endpoints().detach(id));
            } else {
                network.endpoints().detach(id);
            }
            files.delete(id);
            locks.remove(id);
        }
        if (anonymousVolumes) {
            extras.ifPresent(x -> x.anonymousVolumes().forEach(volumes::remove));
        }
    }
}
