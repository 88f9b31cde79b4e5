package dev.jcompose.stack;

import dev.jcompose.build.BuildListener;
import dev.jcompose.build.BuildRequest;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The images -> snapshots join the stack needs. Blocking; called through {@code EngineContext.blocking}.
 * {@link LocalImages} puts the runtime's image side behind it; tests substitute their own.
 */
public interface ImageSource {
    /** The local image for a reference as written in a compose file, unpacked; empty when absent. */
    Optional<ResolvedImage> resolve(String reference);

    /** Pulls the reference into the local store. */
    void pull(String reference);

    /** Builds an image and stores it under the request's tags. */
    void build(BuildRequest request, BuildListener listener);

    /** Pushes the image stored under the reference to its registry, telling {@code listener} per blob. */
    void push(String reference, dev.jcompose.image.PushListener listener);

    /**
     * Runs {@code create} (which resolves an image and creates a container on its snapshots) so that
     * no snapshot pruning runs in between. A source that never prunes just runs it.
     */
    default <T> T holdingSnapshots(Supplier<T> create) {
        return create.get();
    }
}
