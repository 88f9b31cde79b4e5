package dev.jcompose.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.graph.ServiceGraph;
import dev.jcompose.model.GoJsonWriter;
import dev.jcompose.model.ModelJson;
import dev.jcompose.model.Project;
import dev.jcompose.model.ServiceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Output of {@code jcompose config}: the canonical project as JSON or YAML, and the one-per-line
 * listings ({@code --services}, {@code --volumes}, {@code --hash}...), all as docker compose prints
 * them. Like compose, rendered documents get {@code $} doubled to {@code $$} when the model was
 * interpolated, so the output is itself a valid compose file.
 */
public final class ConfigRenderer {
    /** Top-level sections in the order go-yaml writes compose-go's Project struct. */
    private static final List<String> YAML_SECTIONS =
            List.of("name", "services", "networks", "volumes", "secrets", "configs", "models");
    /** Go struct-typed fields: JSON writes them as {@code {}}, go-yaml's omitempty drops them when zero. */
    private static final Set<String> ZERO_STRUCTS = Set.of("ipam", "resources", "placement");

    private final boolean escapeDollars;

    /** @param escapeDollars true unless the model was loaded with {@code --no-interpolate} */
    public ConfigRenderer(boolean escapeDollars) {
        this.escapeDollars = escapeDollars;
    }

    public enum Format {
        JSON,
        YAML
    }

    public String render(Project project, Format format) {
        return format == Format.JSON ? json(project) : yaml(project);
    }

    /** {@code config --format json}: Go's MarshalIndent with two spaces, no trailing newline. */
    public String json(Project project) {
        return escape(GoJsonWriter.pretty(ModelJson.composeTree(project)));
    }

    /** {@code config} (YAML, the default format). */
    public String yaml(Project project) {
        return escape(YamlRenderer.render(yamlTree(project)));
    }

    /** The JSON tree reshaped to what compose-go's YAML marshalling writes. */
    static JsonNode yamlTree(Project project) {
        ObjectNode full = (ObjectNode) ModelJson.fullTree(project);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String section : YAML_SECTIONS) {
            if (full.has(section)) {
                out.set(section, full.get(section));
            }
        }
        full.fieldNames().forEachRemaining(k -> {
            if (!out.has(k)) {
                out.set(k, full.get(k));
            }
        });
        out.get("services").forEach(ConfigRenderer::yamlService);
        out.path("networks").forEach(n -> dropZeroStructs((ObjectNode) n));
        return out;
    }

    private static void yamlService(JsonNode service) {
        ObjectNode s = (ObjectNode) service;
        // go-yaml leaves a nil command out; an explicitly empty one stays as [].
        for (String key : List.of("command", "entrypoint")) {
            if (s.path(key).isNull()) {
                s.remove(key);
            }
        }
        if (s.get("deploy") instanceof ObjectNode deploy) {
            dropZeroStructs(deploy);
        }
        if (s.get("ulimits") instanceof ObjectNode ulimits) {
            // go-yaml writes a soft/hard pair without omitempty: both members, always.
            ulimits.properties().forEach(e -> {
                if (e.getValue() instanceof ObjectNode pair) {
                    ObjectNode both = JsonNodeFactory.instance.objectNode();
                    both.put("soft", pair.path("soft").asLong());
                    both.put("hard", pair.path("hard").asLong());
                    e.setValue(both);
                }
            });
        }
    }

    private static void dropZeroStructs(ObjectNode owner) {
        for (String key : ZERO_STRUCTS) {
            if (owner.get(key) instanceof ObjectNode o && o.isEmpty()) {
                owner.remove(key);
            }
        }
    }

    private String escape(String text) {
        return escapeDollars ? text.replace("$", "$$") : text;
    }

    /** {@code --services}: dependencies before dependents, ties by name. */
    public List<String> services(Project project) {
        return ServiceGraph.of(project.dependencies()).startOrder();
    }

    /** {@code --volumes}: top-level volume keys, sorted. */
    public List<String> volumes(Project project) {
        return List.copyOf(project.volumes().keySet());
    }

    /** {@code --networks}: top-level network keys, sorted. */
    public List<String> networks(Project project) {
        return List.copyOf(project.networks().keySet());
    }

    /** {@code --profiles}: every profile a service names, sorted. */
    public List<String> profiles(Project project) {
        return List.copyOf(project.profiles());
    }

    /** {@code --images}: each service's image, or the {@code project-service} name a build gets; by service. */
    public List<String> images(Project project) {
        List<String> out = new ArrayList<>();
        project.services().forEach((name, s) -> out.add(imageName(project.name(), name, s)));
        return out;
    }

    public static String imageName(String projectName, String serviceName, ServiceConfig service) {
        String image = service.image();
        return image == null || image.isEmpty() ? projectName + "-" + serviceName : image;
    }

    /**
     * {@code --hash "*"} or {@code --hash web,db}: {@code service hash} lines sorted by service name.
     *
     * @throws JcomposeException naming the first unknown service
     */
    public List<String> hashes(Project project, String selection) {
        Set<String> names = new TreeSet<>();
        if (selection.equals("*")) {
            names.addAll(project.services().keySet());
        } else {
            for (String n : selection.split(",")) {
                names.add(n.trim());
            }
        }
        List<String> out = new ArrayList<>();
        for (String name : names) {
            ServiceConfig s = project.service(name)
                    .orElseThrow(() -> new JcomposeException(
                            "no such service: " + name,
                            "known services: "
                                    + String.join(", ", project.services().keySet()),
                            ExitCode.FAILURE));
            out.add(name + " " + ServiceHash.of(s));
        }
        return out;
    }
}
