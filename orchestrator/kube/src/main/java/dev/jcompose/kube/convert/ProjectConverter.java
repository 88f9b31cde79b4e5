package dev.jcompose.kube.convert;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.model.Project;
import dev.jcompose.model.ServiceConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A loaded compose project as Kubernetes objects: a function of the project, the options and the
 * files it mounts, with the same output for the same input (objects in {@link ObjectOrder}, maps
 * sorted). Per service a Deployment or Job, its Services and what its pods refer to; per project the
 * claims of named volumes, the ConfigMaps and Secrets of configs and secrets, and NetworkPolicies
 * when there is more than one network. What does not translate is in the warnings, once per setting.
 */
public final class ProjectConverter {
    /** The label of a top-level volume that sets its claim's size ({@code 10Gi}). */
    public static final String SIZE_LABEL = "dev.jcompose.kube.storage";

    private final ConvertOptions options;
    private final ProjectFiles files;

    public ProjectConverter(ConvertOptions options, ProjectFiles files) {
        this.options = options;
        this.files = files;
    }

    /**
     * @throws JcomposeException when a service cannot run on a cluster as written (built here, no image)
     */
    public Conversion convert(Project project) {
        refuseLocalBuilds(project);
        ConversionContext scope = ConversionContext.of(project, options, files);
        List<HasMetadata> out = new ArrayList<>();
        out.addAll(new FileObjects(scope).objects());
        out.addAll(new Storage(scope).claims());
        Endpoints endpoints = new Endpoints(scope);
        Workloads workloads = new Workloads(scope);
        Untranslated audit = new Untranslated(scope);
        for (Map.Entry<String, ServiceConfig> e : project.services().entrySet()) {
            String service = e.getKey();
            if (e.getValue().build() != null) {
                scope.warnings()
                        .add(
                                service,
                                "build",
                                "is not translated: the cluster pulls "
                                        + e.getValue().image() + " (push it to a registry the cluster reaches first)");
            }
            out.addAll(workloads.of(service));
            out.addAll(endpoints.of(service));
            audit.audit(service);
        }
        out.addAll(new NetworkPolicies(scope).objects());
        if (options.namespace() != null) {
            out.forEach(o -> o.getMetadata().setNamespace(options.namespace()));
        }
        refuseClashes(out);
        return new Conversion(
                out.stream().sorted(ObjectOrder.APPLY).toList(),
                scope.warnings().list());
    }

    /** Derived names ({@code web-env}, {@code web-published}) can meet a service's own name. */
    private static void refuseClashes(List<HasMetadata> objects) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (HasMetadata o : objects) {
            String key = o.getKind() + "/" + o.getMetadata().getName();
            if (!seen.add(key)) {
                throw new JcomposeException(
                        "two objects would be named " + key,
                        "rename the service or volume whose name ends like a derived one (-env, -published, -bind-N)",
                        ExitCode.COMPOSE_PARSE);
            }
        }
    }

    private static void refuseLocalBuilds(Project project) {
        List<String> built = project.services().entrySet().stream()
                .filter(e -> e.getValue().build() != null
                        && (e.getValue().image() == null || e.getValue().image().isEmpty()))
                .map(Map.Entry::getKey)
                .toList();
        if (!built.isEmpty()) {
            throw new JcomposeException(
                    "service(s) " + String.join(", ", built)
                            + " have build: and no image: a cluster cannot build, it pulls images",
                    "add image: <registry>/<name>:<tag> to each, run `jcompose build` and `jcompose push`, "
                            + "then convert again",
                    ExitCode.COMPOSE_PARSE);
        }
    }
}
