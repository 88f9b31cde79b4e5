package dev.jcompose.plan;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.config.ResourceHash;
import dev.jcompose.model.NetworkConfig;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.model.ServiceVolume;
import dev.jcompose.model.VolumeConfig;
import dev.jcompose.observe.ObservedNetwork;
import dev.jcompose.observe.ObservedState;
import dev.jcompose.observe.ObservedVolume;
import dev.jcompose.policy.BuildPolicy;
import dev.jcompose.policy.PullPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code up} steps for what containers need before they can be created: the networks and
 * named volumes the selected services use (compose leaves out resources no selected service
 * uses), and their images. Existing resources are reused; a network of this project whose definition
 * changed is recreated with its containers reconnected (as docker compose does), while a changed volume,
 * or a resource made for another project, only draws a warning (recreating a volume loses its data).
 */
final class ResourceSteps {
    private final DesiredProject desired;
    private final ObservedState observed;
    private final StepList steps;
    /** Service to the ids of the resource steps its containers wait for. */
    private final SortedMap<String, List<String>> byService = new TreeMap<>();
    /** Ids of the RecreateNetwork steps. */
    private final java.util.Set<String> recreated = new java.util.HashSet<>();

    ResourceSteps(DesiredProject desired, ObservedState observed, StepList steps) {
        this.desired = desired;
        this.observed = observed;
        this.steps = steps;
    }

    List<String> stepsFor(String service) {
        return byService.getOrDefault(service, List.of());
    }

    /** The service's network recreations (which stop, reconnect and start its existing containers). */
    List<String> reconnectsFor(String service) {
        return stepsFor(service).stream().filter(recreated::contains).toList();
    }

    void plan(SortedSet<String> services, PullPolicy override, BuildPolicy build) {
        SortedMap<String, String> networkSteps = networks(services);
        SortedMap<String, String> volumeSteps = volumes(services);
        SortedMap<String, String> imageSteps = images(services, override, build);
        for (String service : services) {
            ServiceConfig s = desired.service(service);
            List<String> ids = new ArrayList<>();
            s.networksByPriority().stream()
                    .sorted()
                    .map(networkSteps::get)
                    .filter(Objects::nonNull)
                    .forEach(ids::add);
            namedVolumes(s).stream()
                    .map(volumeSteps::get)
                    .filter(Objects::nonNull)
                    .forEach(ids::add);
            Optional.ofNullable(imageSteps.get(service)).ifPresent(ids::add);
            byService.put(service, List.copyOf(ids));
        }
    }

    private SortedMap<String, String> networks(SortedSet<String> services) {
        SortedSet<String> used = new TreeSet<>();
        services.forEach(s -> used.addAll(desired.service(s).networks().keySet()));
        SortedMap<String, String> ids = new TreeMap<>();
        for (String key : used) {
            NetworkConfig n = desired.project().networks().get(key);
            if (n == null) {
                continue; // the model validator reports undeclared networks
            }
            String name = n.name() == null ? desired.name() + "_" + key : n.name();
            Optional<ObservedNetwork> existing = observed.network(name);
            if (n.external()) {
                existing.orElseThrow(() -> new JcomposeException(
                        "network " + name + " declared as external, but could not be found",
                        "create it first (jcompose network create " + name + ") or remove external: true",
                        ExitCode.FAILURE));
                continue;
            }
            String hash = ResourceHash.network(n);
            if (existing.isPresent() && changedOwnNetwork(existing.get(), hash)) {
                String id = steps.add("network:" + name, new Operation.RecreateNetwork(key, name, hash), List.of());
                ids.put(key, id);
                recreated.add(id);
            } else if (existing.isPresent()) {
                check(
                        "network",
                        key,
                        name,
                        existing.get().project(),
                        existing.get().configHash(),
                        hash);
            } else {
                ids.put(key, steps.add("network:" + name, new Operation.CreateNetwork(key, name, hash), List.of()));
            }
        }
        return ids;
    }

    /**
     * A network this project created whose definition changed: docker compose stops the containers on
     * it, recreates it and reconnects them (a volume's data would be lost, so a volume only warns).
     */
    private boolean changedOwnNetwork(ObservedNetwork existing, String hash) {
        return desired.name().equals(existing.project())
                && existing.configHash() != null
                && !existing.configHash().equals(hash);
    }

    private SortedMap<String, String> volumes(SortedSet<String> services) {
        SortedSet<String> used = new TreeSet<>();
        services.forEach(s -> used.addAll(namedVolumes(desired.service(s))));
        SortedMap<String, String> ids = new TreeMap<>();
        for (String key : used) {
            VolumeConfig v = desired.project().volumes().get(key);
            if (v == null) {
                continue;
            }
            String name = v.name() == null ? desired.name() + "_" + key : v.name();
            Optional<ObservedVolume> existing = observed.volume(name);
            if (v.external()) {
                existing.orElseThrow(() -> new JcomposeException(
                        "external volume \"" + name + "\" not found",
                        "create it first (jcompose volume create " + name + ") or remove external: true",
                        ExitCode.FAILURE));
                continue;
            }
            String hash = ResourceHash.volume(v);
            if (existing.isPresent()) {
                check(
                        "volume",
                        key,
                        name,
                        existing.get().project(),
                        existing.get().configHash(),
                        hash);
            } else {
                ids.put(key, steps.add("volume:" + name, new Operation.CreateVolume(key, name, hash), List.of()));
            }
        }
        return ids;
    }

    static SortedSet<String> namedVolumes(ServiceConfig s) {
        SortedSet<String> out = new TreeSet<>();
        s.volumes().stream()
                .filter(ServiceVolume::isNamedVolume)
                .map(ServiceVolume::source)
                .forEach(out::add);
        return out;
    }

    private void check(String kind, String key, String name, String project, String hash, String expected) {
        if (project != null && !project.equals(desired.name())) {
            steps.warn(kind + " \"" + name + "\" already exists but was created for project \"" + project
                    + "\"; set external: true to use an existing " + kind);
        } else if (project == null) {
            steps.warn(kind + " \"" + name + "\" already exists but was not created by compose; "
                    + "set external: true to use an existing " + kind);
        } else if (hash != null && !hash.equals(expected)) {
            steps.warn(kind + " " + key + " (" + name + ") has changed since it was created; "
                    + "run down (with -v for a volume) and up again to apply the change");
        }
    }

    /** Pull or build steps per service; a reference several services share is pulled once. */
    private SortedMap<String, String> images(SortedSet<String> services, PullPolicy override, BuildPolicy build) {
        SortedMap<String, List<String>> pulls = new TreeMap<>();
        SortedMap<String, String> ids = new TreeMap<>();
        for (String service : services) {
            ServiceConfig s = desired.service(service);
            String image = desired.image(service);
            boolean present = observed.image(image).isPresent();
            PullPolicy policy = override != null
                    ? override
                    : s.pullPolicy() == null || s.pullPolicy().isEmpty()
                            ? PullPolicy.MISSING
                            : PullPolicy.parse(s.pullPolicy());
            if (s.build() != null && build == BuildPolicy.NEVER) {
                if (!present) {
                    throw new JcomposeException(
                            "image " + image + " for service " + service + " is not present and --no-build was given",
                            "build it first (jcompose build " + service + ") or leave out --no-build",
                            ExitCode.FAILURE);
                }
            } else if (s.build() != null && (build == BuildPolicy.ALWAYS || policy == PullPolicy.BUILD || !present)) {
                ids.put(service, steps.add("build:" + service, new Operation.BuildImage(service, image), List.of()));
            } else if (s.build() == null && policy == PullPolicy.BUILD) {
                throw new JcomposeException(
                        "service " + service + " has pull_policy build but no build section",
                        "add a build section or use another pull_policy",
                        ExitCode.FAILURE);
            } else if (s.build() == null && (policy == PullPolicy.ALWAYS || !present)) {
                if (policy == PullPolicy.NEVER) {
                    throw new JcomposeException(
                            "image " + image + " for service " + service
                                    + " is not present locally and its pull policy is never",
                            "pull it first (jcompose pull " + service + ") or change the pull policy",
                            ExitCode.PULL);
                }
                pulls.computeIfAbsent(image, k -> new ArrayList<>()).add(service);
            }
        }
        for (Map.Entry<String, List<String>> e : pulls.entrySet()) {
            String id = steps.add("pull:" + e.getKey(), new Operation.PullImage(e.getKey(), e.getValue()), List.of());
            e.getValue().forEach(service -> ids.put(service, id));
        }
        return ids;
    }
}
