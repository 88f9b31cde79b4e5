package dev.jcompose.image;

import java.util.List;

/** An image manifest (OCI or Docker schema 2): one config blob and the layers, base first. */
public record Manifest(String mediaType, Descriptor config, List<Descriptor> layers) implements ManifestDocument {
    public Manifest {
        layers = List.copyOf(layers);
    }
}
