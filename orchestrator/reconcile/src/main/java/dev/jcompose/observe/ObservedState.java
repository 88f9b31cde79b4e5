package dev.jcompose.observe;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What exists on the host when a command starts: containers (all projects, one-offs included),
 * networks, volumes and local images. Lists are kept sorted by name so that whatever order the
 * engine listed them in, planning sees the same state.
 */
public record ObservedState(
        List<ObservedContainer> containers,
        List<ObservedNetwork> networks,
        List<ObservedVolume> volumes,
        List<ObservedImage> images) {

    public static final ObservedState EMPTY = new ObservedState(List.of(), List.of(), List.of(), List.of());

    public ObservedState {
        containers = sorted(containers, Comparator.comparing(ObservedContainer::name));
        networks = sorted(networks, Comparator.comparing(ObservedNetwork::name));
        volumes = sorted(volumes, Comparator.comparing(ObservedVolume::name));
        images = sorted(images, Comparator.comparing(ObservedImage::reference));
    }

    private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        return items == null ? List.of() : items.stream().sorted(order).toList();
    }

    /** The project's service containers (one-offs excluded), by service then number then name. */
    public List<ObservedContainer> projectContainers(String project) {
        return projectContainers(project, false);
    }

    /** The project's containers, with or without the one-off containers of {@code run}. */
    public List<ObservedContainer> projectContainers(String project, boolean withOneOffs) {
        return containers.stream()
                .filter(c -> Objects.equals(project, c.project()) && (withOneOffs || !c.oneOff()))
                .sorted(Comparator.comparing((ObservedContainer c) -> String.valueOf(c.service()))
                        .thenComparingInt(ObservedContainer::number)
                        .thenComparing(ObservedContainer::name))
                .toList();
    }

    /** The service's containers (one-offs excluded), by number then name. */
    public List<ObservedContainer> serviceContainers(String project, String service) {
        return projectContainers(project).stream()
                .filter(c -> service.equals(c.service()))
                .toList();
    }

    public Optional<ObservedNetwork> network(String name) {
        return networks.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public Optional<ObservedVolume> volume(String name) {
        return volumes.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /**
     * The local image for a reference as written in the compose file; a reference without tag or
     * digest also matches its {@code :latest} tag, as the engine resolves it.
     */
    public Optional<ObservedImage> image(String reference) {
        String withTag = ImageReferences.withDefaultTag(reference);
        return images.stream()
                .filter(i -> i.reference().equals(reference)
                        || ImageReferences.withDefaultTag(i.reference()).equals(withTag))
                .findFirst();
    }
}
