package dev.jcompose.stack;

import java.util.Optional;

/**
 * The images -> snapshots join the stack needs. Blocking; called through {@code EngineContext.blocking}.
 * A seam so the runtime module's {@code Runtime} facade can replace {@link LocalImages}.
 */
public interface ImageSource {
    /** The local image for a reference as written in a compose file, unpacked; empty when absent. */
    Optional<ResolvedImage> resolve(String reference);

    /** Pulls the reference into the local store. */
    void pull(String reference);
}
