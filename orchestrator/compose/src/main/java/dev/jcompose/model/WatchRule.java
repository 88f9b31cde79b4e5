package dev.jcompose.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.JcomposeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code develop.watch} entry of a service, typed: {@code path} is absolute (the loader rebased it
 * on the project directory), {@code target} the container path ({@code null} for rebuild and restart),
 * {@code ignore}/{@code include} dockerignore patterns relative to {@code path}, {@code exec} the
 * command of {@code sync+exec} (empty otherwise).
 */
public record WatchRule(
        String service,
        WatchAction action,
        Path path,
        String target,
        List<String> ignore,
        List<String> include,
        boolean initialSync,
        List<String> exec) {
    public WatchRule {
        ignore = List.copyOf(ignore);
        include = List.copyOf(include);
        exec = List.copyOf(exec);
    }

    /** The service's rules in file order; none without a develop section. */
    public static List<WatchRule> of(String service, ServiceConfig config) {
        JsonNode watch = config.develop() == null ? null : config.develop().get("watch");
        List<WatchRule> out = new ArrayList<>();
        if (watch == null) {
            return out;
        }
        for (JsonNode rule : watch) {
            out.add(rule(service, config, rule));
        }
        return out;
    }

    private static WatchRule rule(String service, ServiceConfig config, JsonNode rule) {
        WatchAction action = WatchAction.of(rule.path("action").asText(""), service);
        String path = rule.path("path").asText("");
        if (path.isEmpty() || !Path.of(path).isAbsolute()) {
            throw new JcomposeException(
                    "service " + service + ": a develop.watch rule has no path", "add path: <directory to watch>");
        }
        String target = rule.path("target").asText(null);
        if (action != WatchAction.REBUILD && action != WatchAction.RESTART && (target == null || target.isEmpty())) {
            throw new JcomposeException(
                    "services." + service + ".develop.watch: target is required for non-rebuild actions",
                    "add target: <path in the container>");
        }
        if (action == WatchAction.REBUILD && config.build() == null) {
            throw new JcomposeException(
                    "can't watch service \"" + service + "\" with action rebuild without a build context",
                    "add a build section or use action sync");
        }
        List<String> exec = strings(rule.path("exec").path("command"));
        if (action == WatchAction.SYNC_EXEC && exec.isEmpty()) {
            throw new JcomposeException(
                    "can't watch with action \"sync+exec\" on service " + service + " without a command",
                    "add exec: {command: ...}");
        }
        return new WatchRule(
                service,
                action,
                Path.of(path).normalize(),
                target,
                strings(rule.path("ignore")),
                strings(rule.path("include")),
                rule.path("initial_sync").asBoolean(false),
                exec);
    }

    /** A string or a list of strings (exec.command may be either, as compose-go's ShellCommand). */
    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.addAll(List.of(node.asText().trim().split("\\s+")));
        } else {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
