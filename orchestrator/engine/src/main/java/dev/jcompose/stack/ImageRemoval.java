package dev.jcompose.stack;

import dev.jcompose.api.ImageRemovalScope;
import dev.jcompose.api.StackEvent;
import dev.jcompose.api.StackListener;
import dev.jcompose.container.ContainerRecord;
import dev.jcompose.container.ImageRootfs;
import dev.jcompose.image.ImageRecord;
import dev.jcompose.image.ImageStore;
import dev.jcompose.observe.Labels;
import dev.jcompose.rootfs.SnapshotStore;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@code down --rmi local|all}: which images go is a pure choice ({@link #choose}); {@link #remove}
 * then untags each, deletes what no other image needs, and leaves an image a container (of any
 * project) still uses, reporting it as compose does ("Resource is still in use") instead of failing.
 */
final class ImageRemoval {
    /** A service and its {@code image:} field (null or empty when it has none, so compose names it {@code <project>-<service>}). */
    record ServiceImage(String service, String image) {
        boolean customTag() {
            return image != null && !image.isEmpty();
        }
    }

    private ImageRemoval() {}

    /** The image references to remove, sorted. */
    static SortedSet<String> choose(ImageRemovalScope scope, String project, Collection<ServiceImage> services) {
        SortedSet<String> out = new TreeSet<>();
        for (ServiceImage s : services) {
            if (s.customTag() && scope == ImageRemovalScope.ALL) {
                out.add(s.image());
            } else if (!s.customTag()) {
                out.add(project + "-" + s.service());
            }
        }
        return out;
    }

    /**
     * The service of a container the compose file no longer describes (or {@code down -p} without one):
     * the reference it was created from, where {@code <project>-<service>} means "no image field".
     */
    static ServiceImage ofContainer(String project, String service, String reference) {
        return new ServiceImage(
                service, reference == null || reference.equals(project + "-" + service) ? null : reference);
    }

    /** Removes each reference that is present and unused; reports each one on {@code listener}. */
    static void remove(
            SortedSet<String> references,
            ImageStore images,
            SnapshotStore snapshots,
            List<ContainerRecord> containers,
            StackListener listener) {
        boolean removed = false;
        for (String ref : references) {
            Optional<ImageRecord> image = LocalImages.find(images, ref);
            if (image.isEmpty()) {
                listener.onEvent(new StackEvent("Image", ref, "Warning", "No resource found to remove"));
                continue;
            }
            String id = image.get().id().toString();
            List<String> users = containers.stream()
                    .filter(c -> uses(c, id))
                    .map(ContainerRecord::name)
                    .sorted()
                    .toList();
            if (!users.isEmpty()) {
                listener.onEvent(new StackEvent(
                        "Image", ref, "Warning", "Resource is still in use (by " + String.join(", ", users) + ")"));
                continue;
            }
            listener.onEvent(new StackEvent("Image", ref, "Removing", ""));
            images.remove(image.get().name());
            removed = true;
            listener.onEvent(new StackEvent("Image", ref, "Removed", ""));
        }
        if (removed) {
            new ImageRootfs(images, snapshots).prune(images.list(), containers);
        }
    }

    /** Containers made before they recorded their image reference still carry the image ID label. */
    private static boolean uses(ContainerRecord c, String imageId) {
        return c.imageRef() != null
                ? imageId.equals(c.imageRef().id())
                : imageId.equals(c.labels().get(Labels.IMAGE));
    }
}
