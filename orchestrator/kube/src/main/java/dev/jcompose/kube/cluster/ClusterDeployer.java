package dev.jcompose.kube.cluster;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.kube.convert.ObjectLabels;
import dev.jcompose.kube.convert.ObjectOrder;
import dev.jcompose.kube.manifest.ManifestWriter;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Applies a project's objects to a cluster and removes them again. Each object carries the hash of
 * what was applied, so a deploy of an unchanged file sends nothing. Objects are applied server-side
 * (field manager {@value #FIELD_MANAGER}); where the server does not take server-side apply they are
 * created, or merge-patched when they exist.
 */
public final class ClusterDeployer {
    public static final String FIELD_MANAGER = "jcompose";
    /** The hash of the applied object, without this annotation. */
    public static final String HASH = "deploy.jcompose.dev/applied-hash";

    private final KubernetesClient client;
    private final ManifestWriter writer = new ManifestWriter();
    private boolean serverSideApply = true;

    public ClusterDeployer(KubernetesClient client) {
        this.client = client;
    }

    /** The namespace the client works in. */
    public String namespace() {
        return client.getNamespace();
    }

    /**
     * Applies {@code objects} (they are given this client's namespace), then with {@code prune} deletes
     * the project's objects that are not among them (claims stay: they hold data), then with {@code
     * wait} waits for Deployments to be available and Jobs to complete.
     */
    public List<ObjectChange> deploy(String projectName, List<HasMetadata> objects, boolean prune, Duration wait) {
        String project = ObjectLabels.value(projectName);
        ensureNamespace();
        List<ObjectChange> out = new ArrayList<>();
        List<HasMetadata> sorted = objects.stream().sorted(ObjectOrder.APPLY).toList();
        for (HasMetadata o : sorted) {
            o.getMetadata().setNamespace(namespace());
            out.add(apply(o));
        }
        if (prune) {
            Set<String> wanted = sorted.stream().map(ClusterObjects::key).collect(Collectors.toSet());
            for (HasMetadata live : ClusterObjects.of(client, project, false)) {
                if (!wanted.contains(ClusterObjects.key(live))) {
                    delete(live);
                    out.add(new ObjectChange(live.getKind(), live.getMetadata().getName(), ObjectChange.Action.PRUNED));
                }
            }
        }
        if (wait != null) {
            new Rollout(client, wait).await(sorted);
        }
        return out;
    }

    /** Deletes every object of {@code project}; its claims (and their data) only with {@code volumes}. */
    public List<ObjectChange> down(String projectName, boolean volumes) {
        List<ObjectChange> out = new ArrayList<>();
        List<HasMetadata> live = new ArrayList<>(ClusterObjects.of(client, ObjectLabels.value(projectName), volumes));
        live.sort(ObjectOrder.APPLY.reversed());
        for (HasMetadata o : live) {
            delete(o);
            out.add(new ObjectChange(o.getKind(), o.getMetadata().getName(), ObjectChange.Action.DELETED));
        }
        return out;
    }

    private ObjectChange apply(HasMetadata desired) {
        String kind = desired.getKind();
        String name = desired.getMetadata().getName();
        String hash = stampHash(desired);
        HasMetadata live = get(desired);
        if (live != null
                && live.getMetadata().getAnnotations() != null
                && hash.equals(live.getMetadata().getAnnotations().get(HASH))) {
            return new ObjectChange(kind, name, ObjectChange.Action.UNCHANGED);
        }
        ObjectChange.Action action = live == null ? ObjectChange.Action.CREATED : ObjectChange.Action.CONFIGURED;
        if (live != null && desired instanceof Job) {
            // a Job's template cannot change: run the new one-shot as compose would recreate it
            deleteAndWait(live);
            live = null;
            action = ObjectChange.Action.REPLACED;
        }
        write(desired, live);
        return new ObjectChange(kind, name, action);
    }

    /** Sets the applied-hash annotation to the hash of {@code desired} without it; returns the hash. */
    private String stampHash(HasMetadata desired) {
        Map<String, String> annotations = desired.getMetadata().getAnnotations() == null
                ? new HashMap<>()
                : new HashMap<>(desired.getMetadata().getAnnotations());
        annotations.remove(HASH);
        desired.getMetadata().setAnnotations(annotations.isEmpty() ? null : annotations);
        String hash = hash(desired);
        annotations.put(HASH, hash);
        desired.getMetadata().setAnnotations(new java.util.TreeMap<>(annotations));
        return hash;
    }

    /** Server-side apply; where the server lacks it, a create or a merge patch of {@code live}. */
    private void write(HasMetadata desired, HasMetadata live) {
        String kind = desired.getKind();
        String name = desired.getMetadata().getName();
        if (serverSideApply) {
            try {
                client.resource(desired)
                        .fieldManager(FIELD_MANAGER)
                        .forceConflicts()
                        .serverSideApply();
                return;
            } catch (KubernetesClientException e) {
                if (!lacksServerSideApply(e)) {
                    throw ApiErrors.of("apply", kind, name, e);
                }
                serverSideApply = false;
            }
        }
        try {
            if (live == null) {
                client.resource(desired).create();
            } else {
                client.resource(desired).patch(PatchContext.of(PatchType.JSON_MERGE));
            }
        } catch (KubernetesClientException e) {
            throw ApiErrors.of(live == null ? "create" : "patch", kind, name, e);
        }
    }

    /** An old server, or one (like fabric8's mock) that does not know the apply patch type. */
    private static boolean lacksServerSideApply(KubernetesClientException e) {
        return e.getCode() == 415 || e.getCode() == 405 || e.getCode() == 404;
    }

    private HasMetadata get(HasMetadata o) {
        try {
            return client.resource(o).get();
        } catch (KubernetesClientException e) {
            throw ApiErrors.of("read", o.getKind(), o.getMetadata().getName(), e);
        }
    }

    private void delete(HasMetadata o) {
        try {
            client.resource(o)
                    .withPropagationPolicy(DeletionPropagation.BACKGROUND)
                    .delete();
        } catch (KubernetesClientException e) {
            throw ApiErrors.of("delete", o.getKind(), o.getMetadata().getName(), e);
        }
    }

    private void deleteAndWait(HasMetadata o) {
        try {
            client.resource(o)
                    .withPropagationPolicy(DeletionPropagation.FOREGROUND)
                    .withTimeout(2, TimeUnit.MINUTES)
                    .delete();
        } catch (KubernetesClientException e) {
            throw ApiErrors.of("replace", o.getKind(), o.getMetadata().getName(), e);
        }
    }

    /** Creates the namespace when it is missing (a user who may not read namespaces gets the apply's error). */
    private void ensureNamespace() {
        try {
            if (client.namespaces().withName(namespace()).get() == null) {
                client.resource(new NamespaceBuilder()
                                .withNewMetadata()
                                .withName(namespace())
                                .endMetadata()
                                .build())
                        .create();
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) {
                throw ApiErrors.of("create", "Namespace", namespace(), e);
            }
        }
    }

    private String hash(HasMetadata o) {
        try {
            byte[] d =
                    MessageDigest.getInstance("SHA-256").digest(writer.write(o).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new JcomposeException("SHA-256 is missing from this JDK", "use a standard JDK", ExitCode.FAILURE, e);
        }
    }
}
