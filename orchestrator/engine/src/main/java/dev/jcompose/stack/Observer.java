package dev.jcompose.stack;

import dev.jcompose.container.ContainerRecord;
import dev.jcompose.container.ContainerRuntime;
import dev.jcompose.container.HostImages;
import dev.jcompose.image.ImageRecord;
import dev.jcompose.image.ImageReference;
import dev.jcompose.network.NetworkLayer;
import dev.jcompose.observe.Labels;
import dev.jcompose.observe.ObservedContainer;
import dev.jcompose.observe.ObservedImage;
import dev.jcompose.observe.ObservedNetwork;
import dev.jcompose.observe.ObservedState;
import dev.jcompose.observe.ObservedVolume;
import dev.jcompose.state.Health;
import dev.jcompose.volume.VolumeStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads what exists, in one pass, into an {@link ObservedState}: containers from the runtime (with
 * their compose labels), networks from the network layer (with the labels the stack keeps for
 * them), volumes from the volume store, images from the image store. Blocking.
 */
public final class Observer {
    private final ContainerRuntime runtime;
    private final NetworkLayer.Networks networks;
    private final NetworkLabels networkLabels;
    private final VolumeStore volumes;
    private final HostImages images;
    private final Function<String, Health> health;

    /** @param health the health the engine tracks for a container id ({@code NONE} when unknown) */
    Observer(
            ContainerRuntime runtime,
            NetworkLayer.Networks networks,
            NetworkLabels networkLabels,
            VolumeStore volumes,
            HostImages images,
            Function<String, Health> health) {
        this.runtime = runtime;
        this.networks = networks;
        this.networkLabels = networkLabels;
        this.volumes = volumes;
        this.images = images;
        this.health = health;
    }

    public ObservedState observe() {
        return observe(runtime.list());
    }

    /** The state with containers from {@code records} (a listing the caller also needs, for ids). */
    public ObservedState observe(List<ContainerRecord> records) {
        return new ObservedState(containers(records), networks(), volumes(), images());
    }

    /** The containers alone, with the runtime records they came from (for ids). */
    public List<ContainerRecord> records() {
        return runtime.list();
    }

    List<ObservedContainer> containers(List<ContainerRecord> records) {
        List<ObservedContainer> out = new ArrayList<>();
        for (ContainerRecord r : records) {
            out.add(ObservedContainer.fromLabels(
                    r.name(),
                    r.labels(),
                    r.labels().get(Labels.IMAGE),
                    r.state(),
                    r.exitCode() == null ? 0 : r.exitCode(),
                    health.apply(r.id())));
        }
        return out;
    }

    private List<ObservedNetwork> networks() {
        return networks.state().networks().keySet().stream()
                .map(name -> ObservedNetwork.fromLabels(name, networkLabels.get(name)))
                .toList();
    }

    private List<ObservedVolume> volumes() {
        return volumes.list().stream()
                .map(v -> ObservedVolume.fromLabels(v.name(), v.labels()))
                .toList();
    }

    /** Each image under its stored name and its familiar form ({@code busybox:1.36}), as compose files name it. */
    private List<ObservedImage> images() {
        List<ObservedImage> out = new ArrayList<>();
        for (ImageRecord r : images.list()) {
            Set<String> names = new LinkedHashSet<>();
            names.add(r.name());
            try {
                names.add(ImageReference.parse(r.name()).familiar());
            } catch (RuntimeException e) {
                // a digest-only entry: known by its stored name only
            }
            names.forEach(n -> out.add(new ObservedImage(n, r.id().toString())));
        }
        return out.stream().distinct().toList();
    }
}
