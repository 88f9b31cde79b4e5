package dev.jcompose.plan;

import dev.jcompose.config.ResourceHash;
import dev.jcompose.model.ProjectBinder;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.model.ServiceDependency;
import dev.jcompose.model.Trees;
import dev.jcompose.observe.DependsOnLabel;
import dev.jcompose.observe.ObservedContainer;
import dev.jcompose.observe.ObservedImage;
import dev.jcompose.observe.ObservedNetwork;
import dev.jcompose.observe.ObservedState;
import dev.jcompose.observe.ObservedVolume;
import dev.jcompose.policy.PullPolicy;
import dev.jcompose.state.ContainerState;
import dev.jcompose.state.Health;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * One golden planning scenario, a text file of sections:
 * <pre>
 * # what the scenario shows (any number of comment lines)
 * --- project [file.yaml]     canonical compose YAML inline, or a file next to the scenarios
 * --- observed                one resource a line (see {@link #observed})
 * --- command                 up|down|start|stop|restart with docker compose's flags and service names
 * --- plan                    the expected rendered plan, or error: message / hint
 * </pre>
 * {@code start}, {@code stop} and {@code restart} plan, as the stack does, for the project their
 * containers' labels describe ({@link LabelledProject}): the project section then only supplies the
 * labels a container gets by default. {@code --no-files} (not a compose flag) makes {@code down} do
 * the same, as {@code jcompose down -p NAME} without compose files does.
 */
record Scenario(
        String header,
        String projectSection,
        DesiredProject desired,
        String observedSection,
        ObservedState observed,
        String command,
        PlanOptions options,
        String expected) {

    static Scenario parse(String text) {
        Map<String, String> sections = new LinkedHashMap<>();
        Map<String, String> arguments = new HashMap<>();
        StringBuilder header = new StringBuilder();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("--- ")) {
                if (current != null) {
                    sections.put(current, body.toString());
                }
                String[] words = line.substring(4).trim().split(" ", 2);
                current = words[0];
                if (words.length > 1) {
                    arguments.put(current, words[1].trim());
                }
                body = new StringBuilder();
            } else if (current == null) {
                header.append(line).append('\n');
            } else {
                body.append(line).append('\n');
            }
        }
        sections.put(current, body.toString());
        String projectText = arguments.containsKey("project")
                ? resource("/plan/" + arguments.get("project"))
                : sections.get("project");
        Disabled parsed = Disabled.strip(projectText);
        DesiredProject desired =
                DesiredProject.of(new ProjectBinder().bind(Trees.parse(parsed.yaml())), parsed.names());
        String commandLine = sections.get("command").strip();
        String plan = sections.getOrDefault("plan", "");
        if (plan.endsWith("\n")) {
            plan = plan.substring(0, plan.length() - 1); // the separator line before end of file
        }
        ObservedState observed = observed(sections.get("observed"), desired);
        if (fromLabels(commandLine)) {
            desired = LabelledProject.desired(desired.name(), observed);
        }
        return new Scenario(
                header.toString(),
                arguments.containsKey("project") ? null : sections.get("project"),
                desired,
                sections.get("observed"),
                observed,
                commandLine,
                options(commandLine),
                plan);
    }

    /** Whether the command knows the project by name only (its containers' labels). */
    static boolean fromLabels(String commandLine) {
        String command = commandLine.split("\\s+")[0];
        return List.of("start", "stop", "restart").contains(command)
                || List.of(commandLine.split("\\s+")).contains("--no-files");
    }

    /** The file text with {@code plan} replaced by {@code actual}. */
    String withPlan(String actual, String original) {
        int at = original.indexOf("--- plan\n");
        return original.substring(0, at) + "--- plan\n" + actual;
    }

    /** {@code # disabled: a b} lines in the project name services disabled by profiles. */
    record Disabled(String yaml, Set<String> names) {
        static Disabled strip(String text) {
            Set<String> names = new java.util.TreeSet<>();
            StringBuilder yaml = new StringBuilder();
            for (String line : text.split("\n")) {
                if (line.startsWith("# disabled:")) {
                    names.addAll(Arrays.asList(
                            line.substring("# disabled:".length()).trim().split("\\s+")));
                } else {
                    yaml.append(line).append('\n');
                }
            }
            return new Disabled(yaml.toString(), names);
        }
    }

    /**
     * Lines: {@code container NAME [service=S] [number=N] [state=running] [hash=@|TEXT] [image=ID]
     * [health=H] [exit=N] [oneoff] [project=P] [depends=@|-|LABEL] [optional=A,B]} (service and number
     * default from NAME = P-S-N, {@code hash=@} is the desired config hash, the default;
     * {@code depends=@}, the default, gives the depends_on labels jcompose creates the service's
     * containers with, {@code -} none, else the {@code com.docker.compose.depends_on} text);
     * {@code network NAME [key=K] [project=P|-] [hash=@|TEXT]}, {@code volume ...} alike;
     * {@code image REFERENCE ID}.
     */
    static ObservedState observed(String text, DesiredProject desired) {
        List<ObservedContainer> containers = new ArrayList<>();
        List<ObservedNetwork> networks = new ArrayList<>();
        List<ObservedVolume> volumes = new ArrayList<>();
        List<ObservedImage> images = new ArrayList<>();
        for (String raw : text == null ? new String[0] : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            Map<String, String> kv = new HashMap<>();
            for (int i = 2; i < words.length; i++) {
                int eq = words[i].indexOf('=');
                kv.put(eq < 0 ? words[i] : words[i].substring(0, eq), eq < 0 ? "" : words[i].substring(eq + 1));
            }
            switch (words[0]) {
                case "container" -> containers.add(container(words[1], kv, desired));
                case "network" -> networks.add(network(words[1], kv, desired));
                case "volume" -> volumes.add(volume(words[1], kv, desired));
                case "image" -> images.add(new ObservedImage(words[1], words[2]));
                default -> throw new IllegalArgumentException("unknown observed line: " + line);
            }
        }
        return new ObservedState(containers, networks, volumes, images);
    }

    private static ObservedContainer container(String name, Map<String, String> kv, DesiredProject desired) {
        String project = kv.getOrDefault("project", desired.name());
        String[] parts = name.split("-");
        String service = kv.getOrDefault("service", parts.length >= 3 ? parts[parts.length - 2] : null);
        int number = Integer.parseInt(
                kv.getOrDefault("number", parts[parts.length - 1].matches("\\d+") ? parts[parts.length - 1] : "1"));
        String hash = kv.getOrDefault("hash", "@");
        if (hash.equals("@")) {
            hash = desired.configHash(service);
        }
        return new ObservedContainer(
                name,
                project,
                service,
                number,
                kv.containsKey("oneoff"),
                hash,
                kv.get("image"),
                ContainerState.parse(kv.getOrDefault("state", "running")),
                Integer.parseInt(kv.getOrDefault("exit", "0")),
                Health.parse(kv.getOrDefault("health", "none")),
                dependsOn(kv, service, desired));
    }

    private static SortedMap<String, ServiceDependency> dependsOn(
            Map<String, String> kv, String service, DesiredProject desired) {
        String label = kv.getOrDefault("depends", "@");
        if (label.equals("@")) {
            ServiceConfig s =
                    service == null ? null : desired.project().services().get(service);
            return s == null ? null : DependsOnLabel.of(DependsOnLabel.labels(s));
        }
        return label.equals("-") ? null : DependsOnLabel.parse(label, kv.get("optional"));
    }

    private static ObservedNetwork network(String name, Map<String, String> kv, DesiredProject desired) {
        String key = kv.getOrDefault("key", name.substring(name.indexOf('_') + 1));
        String project = kv.getOrDefault("project", desired.name());
        String hash = kv.getOrDefault("hash", "@");
        if (hash.equals("@")) {
            hash = desired.project().networks().containsKey(key)
                    ? ResourceHash.network(desired.project().networks().get(key))
                    : null;
        }
        return new ObservedNetwork(name, project.equals("-") ? null : project, key, hash);
    }

    private static ObservedVolume volume(String name, Map<String, String> kv, DesiredProject desired) {
        String key = kv.getOrDefault("key", name.substring(name.indexOf('_') + 1));
        String project = kv.getOrDefault("project", desired.name());
        String hash = kv.getOrDefault("hash", "@");
        if (hash.equals("@")) {
            hash = desired.project().volumes().containsKey(key)
                    ? ResourceHash.volume(desired.project().volumes().get(key))
                    : null;
        }
        return new ObservedVolume(name, project.equals("-") ? null : project, key, hash);
    }

    /** docker compose's flags for up, down, start, stop and restart. */
    static PlanOptions options(String commandLine) {
        String[] words = commandLine.split("\\s+");
        PlanOptions o = switch (words[0]) {
            case "up" -> PlanOptions.up();
            case "down" -> PlanOptions.down();
            case "start" -> PlanOptions.start();
            case "stop" -> PlanOptions.stop();
            case "restart" -> PlanOptions.restart();
            default -> throw new IllegalArgumentException("unknown command " + words[0]);
        };
        List<String> services = new ArrayList<>();
        boolean noDeps = false;
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            if (w.startsWith("--pull=")) {
                o = o.withPull(PullPolicy.parse(w.substring("--pull=".length())));
            } else if (w.startsWith("--scale=")) {
                String[] sv = w.substring("--scale=".length()).split("=");
                o = o.withScale(sv[0], Integer.parseInt(sv[1]));
            } else if (w.startsWith("--timeout=")) {
                o = o.withTimeout(Duration.ofSeconds(Long.parseLong(w.substring("--timeout=".length()))));
            } else {
                switch (w) {
                    case "--force-recreate" -> o = o.withRecreate(Recreate.FORCE, o.alwaysRecreateDeps());
                    case "--no-recreate" -> o = o.withRecreate(Recreate.NEVER, o.alwaysRecreateDeps());
                    case "--always-recreate-deps" -> o = o.withRecreate(o.recreate(), true);
                    case "--no-deps" -> noDeps = true;
                    case "--no-start" -> o = o.withNoStart(true);
                    case "--remove-orphans" -> o = o.withRemoveOrphans(true);
                    case "-v", "--volumes" -> o = o.withRemoveVolumes(true);
                    case "--no-files" -> {}
                    default -> {
                        if (w.startsWith("-")) {
                            throw new IllegalArgumentException("unknown flag " + w);
                        }
                        services.add(w);
                    }
                }
            }
        }
        return services.isEmpty() && !noDeps ? o : o.withServices(services, noDeps);
    }

    static String resource(String name) {
        try (InputStream in = Scenario.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
