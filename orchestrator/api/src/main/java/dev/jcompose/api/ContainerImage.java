package dev.jcompose.api;

/**
 * One row of {@code images}: a container of the project, the image reference its service names, and
 * the stored image's id and size ({@code 0} when the image is no longer in the store).
 */
public record ContainerImage(String container, String service, String reference, String id, long size) {
    public ContainerImage {
        reference = reference == null ? "" : reference;
        id = id == null ? "" : id;
    }
}
