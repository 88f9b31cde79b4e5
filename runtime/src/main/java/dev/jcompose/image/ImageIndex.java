package dev.jcompose.image;

import java.util.List;
import java.util.Optional;

/** An OCI image index or Docker manifest list: one manifest per platform. */
public record ImageIndex(String mediaType, List<Descriptor> manifests) implements ManifestDocument {
    public ImageIndex {
        manifests = List.copyOf(manifests);
    }

    /**
     * The first manifest for {@code wanted}, preferring an exact variant match (the index order is
     * the publisher's preference, so ties keep it).
     */
    public Optional<Descriptor> select(Platform wanted) {
        Optional<Descriptor> exact = manifests.stream()
                .filter(d -> d.platform() != null && d.platform().equals(wanted))
                .findFirst();
        return exact.isPresent()
                ? exact
                : manifests.stream()
                        .filter(d -> d.platform() != null && wanted.accepts(d.platform()))
                        .findFirst();
    }

    /** The platforms offered, in index order, for error messages. */
    public List<String> platforms() {
        return manifests.stream()
                .map(d -> d.platform() == null ? "unknown" : d.platform().toString())
                .toList();
    }
}
