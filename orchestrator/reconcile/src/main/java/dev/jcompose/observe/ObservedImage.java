package dev.jcompose.observe;

import java.util.Objects;

/** An image present in the local store under {@code reference} (a tag), with its id. */
public record ObservedImage(String reference, String id) {
    public ObservedImage {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(id, "id");
    }
}
