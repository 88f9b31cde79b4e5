package dev.jcompose.image;

/** Progress of one push, blob by blob (config and layers), then the manifest. Called from the pushing thread. */
public interface PushListener {
    PushListener NONE = new PushListener() {};

    /** The blob is about to be uploaded (it is not in the repository, and no mount applied). */
    default void pushing(Descriptor blob) {}

    /** {@code done} of {@code total} bytes of the blob are sent. */
    default void progress(Descriptor blob, long done, long total) {}

    /** The blob was uploaded. */
    default void pushed(Descriptor blob) {}

    /** The repository has the blob already: nothing was sent (docker's "Layer already exists"). */
    default void alreadyExists(Descriptor blob) {}

    /** The registry linked the blob from another of its repositories (docker's "Mounted from"). */
    default void mounted(Descriptor blob, String fromRepository) {}
}
