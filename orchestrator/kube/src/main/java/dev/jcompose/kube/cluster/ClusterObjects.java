package dev.jcompose.kube.cluster;

import dev.jcompose.kube.convert.ObjectLabels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/** The project's objects on the cluster: those of the kinds a conversion makes that carry its label. */
final class ClusterObjects {
    private ClusterObjects() {}

    /** Every object of {@code project} in the client's namespace, claims only when {@code claims}. */
    static List<HasMetadata> of(KubernetesClient client, String project, boolean claims) {
        List<HasMetadata> out = new ArrayList<>();
        out.addAll(client.configMaps()
                .withLabel(ObjectLabels.PROJECT, project)
                .list()
                .getItems());
        out.addAll(
                client.secrets().withLabel(ObjectLabels.PROJECT, project).list().getItems());
        if (claims) {
            out.addAll(client.persistentVolumeClaims()
                    .withLabel(ObjectLabels.PROJECT, project)
                    .list()
                    .getItems());
        }
        out.addAll(client.services()
                .withLabel(ObjectLabels.PROJECT, project)
                .list()
                .getItems());
        out.addAll(client.apps()
                .deployments()
                .withLabel(ObjectLabels.PROJECT, project)
                .list()
                .getItems());
        out.addAll(client.batch()
                .v1()
                .jobs()
                .withLabel(ObjectLabels.PROJECT, project)
                .list()
                .getItems());
        out.addAll(client.network()
                .v1()
                .networkPolicies()
                .withLabel(ObjectLabels.PROJECT, project)
                .list()
                .getItems());
        return out;
    }

    static String key(HasMetadata o) {
        return o.getKind() + "/" + o.getMetadata().getName();
    }
}
