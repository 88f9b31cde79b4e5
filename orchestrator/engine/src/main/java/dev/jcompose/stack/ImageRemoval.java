package dev.jcompose.stack;

import dev.jcompose.api.ImageRemovalScope;
import dev.jcompose.api.StackEvent;
import dev.jcompose.api.StackListener;
import dev.jcompose.container.HostImages;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@code down --rmi local|all}: which images go is a pure choice ({@link #choose}); the runtime's
 * {@link HostImages#remove} (the same removal as {@code image rm}) then untags each, deletes what no
 * other image needs and keeps an image a container (of any project) still uses, which {@link #report}
 * reports as compose does ("Resource is still in use") instead of failing.
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

    /**
     * Reports what the runtime's removal did with each reference as compose does: an absent image and
     * one a container (of any project) still uses are warnings, not failures.
     */
    static void report(HostImages.Removals removals, StackListener listener) {
        for (HostImages.Removal r : removals.each()) {
            String ref = r.reference();
            switch (r) {
                case HostImages.Removal.Absent a ->
                    listener.onEvent(new StackEvent("Image", ref, "Warning", "No resource found to remove"));
                case HostImages.Removal.InUse u ->
                    listener.onEvent(new StackEvent(
                            "Image",
                            ref,
                            "Warning",
                            "Resource is still in use (by " + String.join(", ", u.containers()) + ")"));
                case HostImages.Removal.Removed d -> {
                    listener.onEvent(new StackEvent("Image", ref, "Removing", ""));
                    listener.onEvent(new StackEvent("Image", ref, "Removed", ""));
                }
            }
        }
    }
}
