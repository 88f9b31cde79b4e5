package dev.jcompose.build;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link BuildCache} keeps for one step.
 *
 * @param draft   the image after the step, its history times included (so a hit gives the same image id)
 * @param layer   the layer the step made, or null when it made none
 * @param created when the step ran
 */
public record CacheEntry(ImageDraft draft, BuiltLayer layer, Instant created) {
    public CacheEntry {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(created, "created");
    }

    public Optional<BuiltLayer> layerOptional() {
        return Optional.ofNullable(layer);
    }
}
