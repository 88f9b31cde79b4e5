package dev.jcompose.plan;

import dev.jcompose.observe.DependsOnLabel;
import dev.jcompose.observe.ObservedContainer;
import dev.jcompose.observe.ObservedImage;
import dev.jcompose.observe.ObservedNetwork;
import dev.jcompose.observe.ObservedState;
import dev.jcompose.observe.ObservedVolume;
import dev.jcompose.state.ContainerState;
import dev.jcompose.state.Health;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a plan to an observed state the way a perfect engine would, so tests can check that
 * planning again finds nothing left to do. Pulled and built images get the id {@code sha256:new-<ref>}
 * unless already present (a pull that finds nothing newer).
 */
final class PlanSimulator {
    private final DesiredProject desired;
    private final List<ObservedContainer> containers;
    private final List<ObservedNetwork> networks;
    private final List<ObservedVolume> volumes;
    private final List<ObservedImage> images;

    PlanSimulator(DesiredProject desired, ObservedState state) {
        this.desired = desired;
        this.containers = new ArrayList<>(state.containers());
        this.networks = new ArrayList<>(state.networks());
        this.volumes = new ArrayList<>(state.volumes());
        this.images = new ArrayList<>(state.images());
    }

    ObservedState apply(Plan<Operation> plan) {
        plan.steps().forEach(s -> apply(s.op()));
        return new ObservedState(containers, networks, volumes, images);
    }

    private void apply(Operation op) {
        switch (op) {
            case Operation.CreateNetwork n ->
                networks.add(new ObservedNetwork(n.name(), desired.name(), n.key(), n.configHash()));
            case Operation.RecreateNetwork n -> {
                networks.removeIf(o -> o.name().equals(n.name()));
                networks.add(new ObservedNetwork(n.name(), desired.name(), n.key(), n.configHash()));
            }
            case Operation.RemoveNetwork n -> networks.removeIf(o -> o.name().equals(n.name()));
            case Operation.CreateVolume v ->
                volumes.add(new ObservedVolume(v.name(), desired.name(), v.key(), v.configHash()));
            case Operation.RemoveVolume v -> volumes.removeIf(o -> o.name().equals(v.name()));
            case Operation.PullImage p -> addImage(p.reference());
            case Operation.BuildImage b -> addImage(b.reference());
            case Operation.CreateContainer c ->
                containers.add(created(c.service(), c.number(), c.name(), c.configHash()));
            case Operation.RecreateContainer r -> {
                remove(r.replaced());
                containers.add(created(r.service(), r.number(), r.name(), r.configHash()));
            }
            case Operation.StartContainer s -> setState(s.name(), ContainerState.RUNNING);
            case Operation.StopContainer s -> setState(s.name(), ContainerState.EXITED);
            case Operation.RemoveContainer r -> remove(r.name());
            case Operation.WaitForCondition w -> {}
        }
    }

    private void addImage(String reference) {
        if (images.stream().noneMatch(i -> i.reference().equals(reference))) {
            images.add(new ObservedImage(reference, "sha256:new-" + reference));
        }
    }

    private ObservedContainer created(String service, int number, String name, String hash) {
        String image = desired.image(service);
        String id = images.stream()
                .filter(i -> i.reference().equals(image))
                .map(ObservedImage::id)
                .findFirst()
                .orElse(null);
        return new ObservedContainer(
                name,
                desired.name(),
                service,
                number,
                false,
                hash,
                id,
                ContainerState.CREATED,
                0,
                Health.NONE,
                DependsOnLabel.effective(desired.service(service)));
    }

    private void remove(String name) {
        if (!containers.removeIf(c -> c.name().equals(name))) {
            throw new AssertionError("plan removes " + name + ", which does not exist");
        }
    }

    private void setState(String name, ContainerState state) {
        for (int i = 0; i < containers.size(); i++) {
            ObservedContainer c = containers.get(i);
            if (c.name().equals(name)) {
                containers.set(i, c.withState(state, 0));
                return;
            }
        }
        throw new AssertionError("plan changes the state of " + name + ", which does not exist");
    }
}
