package dev.jcompose.kube.convert;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Comparator;
import java.util.List;

/**
 * The order objects are written and applied in: what others refer to first (configuration, storage,
 * Services), then the workloads, then the policies; by name within a kind. The output is stable
 * whatever order the conversion made them in.
 */
public final class ObjectOrder {
    private static final List<String> KINDS = List.of(
            "Namespace",
            "ConfigMap",
            "Secret",
            "PersistentVolumeClaim",
            "Service",
            "Deployment",
            "Job",
            "NetworkPolicy");

    public static final Comparator<HasMetadata> APPLY = Comparator.<HasMetadata>comparingInt(o -> rank(o.getKind()))
            .thenComparing(HasMetadata::getKind)
            .thenComparing(o -> o.getMetadata().getName());

    private ObjectOrder() {}

    private static int rank(String kind) {
        int i = KINDS.indexOf(kind);
        return i < 0 ? KINDS.size() : i;
    }
}
