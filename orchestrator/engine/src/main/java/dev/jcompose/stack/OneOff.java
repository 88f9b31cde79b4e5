package dev.jcompose.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.api.RunOptions;
import dev.jcompose.api.StackException;
import dev.jcompose.model.ModelJson;
import dev.jcompose.model.Project;
import dev.jcompose.observe.Labels;
import dev.jcompose.plan.Operation;
import dev.jcompose.plan.Plan;
import dev.jcompose.plan.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /** {@code <project>-<service>-run-<hex>}, as compose names one-off containers. */
    public static String containerName(String project, String service, String hex) {
        return project + "-" + service + "-run-" + hex;
    }

    /** The project with {@code options.service()} replaced by its one-off form. */
    public static Project project(Project project, RunOptions o) {
        if (!project.services().containsKey(o.service())) {
            throw new StackException(
                    "no such service: " + o.service(),
                    "the services are " + String.join(", ", project.services().keySet()));
        }
        ObjectNode root = (ObjectNode) ModelJson.mapper().valueToTree(project);
        ObjectNode s = (ObjectNode) root.path("services").path(o.service());
        ArrayNode ports = o.servicePorts() && s.get("ports") instanceof ArrayNode a ? a.deepCopy() : s.arrayNode();
        o.publish().forEach(p -> ports.add(port(s, p)));
        s.set("ports", ports);
        if (!o.command().isEmpty()) {
            s.set("command", strings(s, o.command()));
        }
        if (o.entrypoint() != null) {
            s.set("entrypoint", strings(s, o.entrypoint()));
        }
        ObjectNode env = s.get("environment") instanceof ObjectNode e ? e : s.putObject("environment");
        o.environment().forEach(env::put);
        s.set("environment", env);
        if (o.workingDir() != null) {
            s.put("working_dir", o.workingDir());
        }
        if (o.user() != null) {
            s.put("user", o.user());
        }
        if (!o.detach()) { // attached, the command line decides, as compose's -T overrides the service's tty
            s.put("stdin_open", o.stdin());
            s.put("tty", o.tty());
        }
        if (o.tty() && !env.has("TERM")) {
            env.put("TERM", "xterm"); // as docker sets it for a tty: full-screen programs need a terminal type
        }
        ObjectNode labels = s.get("labels") instanceof ObjectNode l ? l : s.putObject("labels");
        labels.put(Labels.ONEOFF, "True");
        s.set("labels", labels);
        s.remove("restart"); // a one-off ends: the engine does not restart it
        s.remove("container_name");
        return ModelJson.read(root.toString());
    }

    /** {@code [IP:]PUBLISHED:TARGET[/PROTO]} as a long-syntax port. */
    static JsonNode port(ObjectNode factory, String spec) {
        Matcher m = PUBLISH.matcher(spec);
        if (!m.matches()) {
            throw new StackException(
                    "invalid -p value \"" + spec + "\"", "use -p [IP:]PUBLISHED:TARGET[/PROTOCOL], e.g. -p 8080:80");
        }
        ObjectNode p = factory.objectNode();
        p.put("mode", "ingress");
        if (m.group(1) != null) {
            p.put("host_ip", m.group(1));
        }
        p.put("target", Integer.parseInt(m.group(3)));
        p.put("published", m.group(2));
        p.put("protocol", m.group(4) == null ? "tcp" : m.group(4));
        return p;
    }

    private static ArrayNode strings(ObjectNode factory, List<String> values) {
        ArrayNode a = factory.arrayNode();
        values.forEach(a::add);
        return a;
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
