package dev.jcompose.stack;

import dev.jcompose.api.RunOptions;
import dev.jcompose.api.StackException;
import dev.jcompose.model.Project;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.model.ServicePort;
import dev.jcompose.model.ServiceVolume;
import dev.jcompose.observe.Labels;
import dev.jcompose.plan.Operation;
import dev.jcompose.plan.Plan;
import dev.jcompose.plan.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code run} decides before acting, as data: the one-off's name, the service as the one-off
 * runs it (command, entrypoint, environment, ports by compose's rule, the oneoff label, no restart
 * policy; with {@code -i}/{@code -t} stdin_open/tty, which conmon serves on its attach socket), and
 * the plan (up's plan for the service, without the service's own containers, then create and, unless
 * the CLI attaches first, start the one-off).
 */
public final class OneOff {
    private static final Pattern PUBLISH = Pattern.compile("(?:([0-9.]+):)?(\\d{1,5}):(\\d{1,5})(?:/(tcp|udp|sctp))?");

    private OneOff() {}

    /** The project with {@code options.service()} replaced by its one-off form. */
    public static Project project(Project project, RunOptions o) {
        if (!project.services().containsKey(o.service())) {
            throw new StackException(
                    "no such service: " + o.service(),
                    "the services are " + String.join(", ", project.services().keySet()));
        }
        ServiceConfig s = project.services().get(o.service());
        List<ServicePort> ports = new ArrayList<>(o.servicePorts() ? s.ports() : List.of());
        o.publish().forEach(p -> ports.add(port(p)));
        s = s.withPorts(ports);
        if (!o.command().isEmpty()) {
            s = s.withCommand(o.command());
        }
        if (o.entrypoint() != null) {
            s = s.withEntrypoint(o.entrypoint());
        }
        if (o.workingDir() != null) {
            s = s.withWorkingDir(o.workingDir());
        }
        if (o.user() != null) {
            s = s.withUser(o.user());
        }
        if (!o.volumes().isEmpty()) { // run -v adds to the service's mounts, as compose appends them
            List<ServiceVolume> volumes = new ArrayList<>(s.volumes());
            volumes.addAll(o.volumes());
            s = s.withVolumes(volumes);
        }
        if (!o.detach()) { // attached, the command line decides, as compose's -T overrides the service's tty
            s = s.withStdinOpen(o.stdin()).withTty(o.tty());
        } else if (o.stdin()) { // run -d keeps -i's open stdin (compose): `run -d svc cat` runs on
            s = s.withStdinOpen(true);
        }
        SortedMap<String, String> labels = new TreeMap<>(s.labels());
        labels.put(Labels.ONEOFF, "True");
        return project.withService(
                o.service(),
                s.withEnvironment(environment(s, o))
                        .withLabels(labels)
                        .withRestart(null) // a one-off ends: the engine does not restart it
                        .withContainerName(null));
    }

    private static SortedMap<String, String> environment(ServiceConfig s, RunOptions o) {
        SortedMap<String, String> env = new TreeMap<>(s.environment());
        env.putAll(o.environment());
        if (o.tty() && !env.containsKey("TERM")) {
            env.put("TERM", "xterm"); // as docker sets it for a tty: full-screen programs need a terminal type
        }
        return env;
    }

    /** {@code [IP:]PUBLISHED:TARGET[/PROTO]} as a long-syntax port. */
    static ServicePort port(String spec) {
        Matcher m = PUBLISH.matcher(spec);
        if (!m.matches()) {
            throw new StackException(
                    "invalid -p value \"" + spec + "\"", "use -p [IP:]PUBLISHED:TARGET[/PROTOCOL], e.g. -p 8080:80");
        }
        return new ServicePort(
                null,
                "ingress",
                m.group(1),
                Integer.parseInt(m.group(3)),
                m.group(2),
                m.group(4) == null ? "tcp" : m.group(4),
                null);
    }

    /**
     * Up's plan for the service (its networks, volumes, images and, unless --no-deps, its
     * dependencies and their conditions) without the service's own containers, then the one-off's
     * creation after all of that, and its start.
     */
    public static Plan<Operation> plan(Plan<Operation> up, String service, String name, String configHash) {
        return plan(up, service, name, configHash, true);
    }

    /** As {@link #plan(Plan, String, String, String)}; without {@code start}, the one-off is only created. */
    public static Plan<Operation> plan(
            Plan<Operation> up, String service, String name, String configHash, boolean start) {
        List<Step<Operation>> kept = new ArrayList<>();
        Set<String> dropped = new HashSet<>();
        for (Step<Operation> s : up.steps()) {
            if (ofService(s.op(), service) || s.dependsOn().stream().anyMatch(dropped::contains)) {
                dropped.add(s.id());
            } else {
                kept.add(s);
            }
        }
        List<Step<Operation>> steps = new ArrayList<>(kept);
        steps.add(new Step<>(
                "run-create",
                new Operation.CreateContainer(service, 1, name, configHash),
                kept.stream().map(Step::id).toList()));
        if (start) {
            steps.add(new Step<>("run-start", new Operation.StartContainer(service, 1, name), List.of("run-create")));
        }
        return new Plan<>(steps, up.warnings());
    }

    private static boolean ofService(Operation op, String service) {
        return switch (op) {
            case Operation.CreateContainer c -> c.service().equals(service);
            case Operation.RecreateContainer c -> c.service().equals(service);
            case Operation.StartContainer c -> c.service().equals(service);
            case Operation.StopContainer c -> c.service().equals(service);
            case Operation.RemoveContainer c -> c.service().equals(service);
            default -> false;
        };
    }
}
