package dev.jcompose.kube.convert;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * A project as Kubernetes objects, in apply order (see {@link ObjectOrder}), and one warning per
 * setting or value that did not translate.
 */
public record Conversion(List<HasMetadata> objects, List<String> warnings) {
    public Conversion {
        objects = List.copyOf(objects);
        warnings = List.copyOf(warnings);
    }
}
