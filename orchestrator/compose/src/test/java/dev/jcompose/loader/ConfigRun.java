package dev.jcompose.loader;

import dev.jcompose.config.ConfigRenderer;
import dev.jcompose.graph.ServiceGraph;
import dev.jcompose.model.Project;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.settings.ServiceSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code jcompose config} and the start of {@code up} do with a project directory: the whole
 * loader, the rendered config (YAML, JSON, hashes), the settings audit and the dependency graph.
 * Tests that feed the loader odd input run all of it, since a crash anywhere is a crash.
 */
final class ConfigRun {
    static final Path HOME = Path.of("/home/tester");

    final Path dir;
    final List<String> warnings = new ArrayList<>();
    Map<String, String> processEnv = Map.of("HOME", HOME.toString(), "USER", "tester");

    ConfigRun(Path dir) {
        this.dir = dir;
    }

    ConfigRun write(String relative, byte[] content) {
        Path p = dir.resolve(relative);
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ConfigRun write(String relative, String content) {
        return write(relative, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    LoadedProject load() {
        return load(LoadOptions.in(dir));
    }

    LoadedProject load(LoadOptions options) {
        ProjectLoader loader = new ProjectLoader(
                o -> new ComposeLoader(
                        new DotEnvEnvironmentSource(dir, warnings::add), DocumentInterpolation.standard(), () -> ""),
                HOME);
        return loader.load(options.withProcessEnv(processEnv).withWarnings(warnings::add));
    }

    /** Loads and runs everything downstream of the loader that `config` and `up` run first; the JSON. */
    String config() {
        Project project = load().project();
        ConfigRenderer renderer = new ConfigRenderer(false);
        renderer.yaml(project);
        renderer.hashes(project, "*");
        Map<String, TreeSet<String>> deps = new TreeMap<>();
        for (Map.Entry<String, ServiceConfig> e : project.services().entrySet()) {
            ServiceSettings.audit(e.getKey(), e.getValue());
            deps.put(e.getKey(), new TreeSet<>(e.getValue().dependsOn().keySet()));
        }
        ServiceGraph.of(deps).startOrder();
        return renderer.json(project);
    }
}
