package dev.jcompose.plan;

import dev.jcompose.model.DependencyCondition;
import dev.jcompose.quantity.GoDuration;
import java.time.Duration;
import java.util.List;

/**
 * One thing the reconciler does. Operations name what they act on and carry what the plan decided
 * (numbers, names, hashes, timeouts); appliers read the rest of the configuration from the project.
 * {@link #describe()} is the one-line text of plans and golden tests.
 *
 * <p>Recreation is one operation, not stop + remove + create + start steps: docker compose creates
 * the replacement under a temporary name first, and only then stops and removes the old container
 * and renames the new one. If the new configuration cannot be created, the old container keeps
 * running. Split steps could not express that without a temporary-name concept in the plan, and a
 * failure between "remove" and "create" would leave the service with no container at all. The
 * start of a recreated container stays a separate step so that {@code --no-start} and dependency
 * waits apply to it like to a new container.
 */
public sealed interface Operation {
    String describe();

    /** Creates a project network; {@code key} is its name in the compose file. */
    record CreateNetwork(String key, String name, String configHash) implements Operation {
        public String describe() {
            return "create network " + name + " (" + key + ")";
        }
    }

    /**
     * Replaces a project network whose definition changed: the containers attached to it are stopped,
     * disconnected, reconnected to the new network (new addresses, same containers) and the running
     * ones started again.
     */
    record RecreateNetwork(String key, String name, String configHash) implements Operation {
        public String describe() {
            return "recreate network " + name + " (" + key + ") and reconnect its containers";
        }
    }

    record RemoveNetwork(String key, String name) implements Operation {
        public String describe() {
            return "remove network " + name + " (" + key + ")";
        }
    }

    record CreateVolume(String key, String name, String configHash) implements Operation {
        public String describe() {
            return "create volume " + name + " (" + key + ")";
        }
    }

    record RemoveVolume(String key, String name) implements Operation {
        public String describe() {
            return "remove volume " + name + " (" + key + ")";
        }
    }

    /** Pulls an image once for every service that uses it. */
    record PullImage(String reference, List<String> services) implements Operation {
        public PullImage {
            services = List.copyOf(services);
        }

        public String describe() {
            return "pull image " + reference + " for " + String.join(", ", services);
        }
    }

    /** Builds a service's image (services with a {@code build} section are built, not pulled). */
    record BuildImage(String service, String reference) implements Operation {
        public String describe() {
            return "build image " + reference + " for " + service;
        }
    }

    record CreateContainer(String service, int number, String name, String configHash) implements Operation {
        public String describe() {
            return "create container " + name + " (" + service + " #" + number + ", config " + shortHash(configHash)
                    + ")";
        }
    }

    /** Replaces {@code replaced} by a container with the new configuration, named {@code name}. */
    record RecreateContainer(
            String service, int number, String name, String replaced, String configHash, Duration timeout)
            implements Operation {
        public String describe() {
            String from = replaced.equals(name) ? "" : " replacing " + replaced;
            return "recreate container " + name + from + " (" + service + " #" + number + ", config "
                    + shortHash(configHash) + ", stop timeout " + durationText(timeout) + ")";
        }
    }

    record StartContainer(String service, int number, String name) implements Operation {
        public String describe() {
            return "start container " + name;
        }
    }

    /** {@code timeout}: grace period before the kill, {@code null} for the container's own default. */
    record StopContainer(String service, int number, String name, Duration timeout) implements Operation {
        public String describe() {
            return "stop container " + name + " (timeout " + durationText(timeout) + ")";
        }
    }

    /** {@code anonymousVolumes}: also remove the container's anonymous volumes ({@code down -v}). */
    record RemoveContainer(String service, int number, String name, boolean anonymousVolumes) implements Operation {
        public String describe() {
            return "remove container " + name + (anonymousVolumes ? " and its anonymous volumes" : "");
        }
    }

    /**
     * Waits until every container of {@code service} meets a {@code depends_on} condition
     * ({@code service_healthy} or {@code service_completed_successfully}). When not
     * {@code required}, a failure is a warning and dependents start anyway.
     */
    record WaitForCondition(String service, DependencyCondition condition, boolean required) implements Operation {
        public String describe() {
            return "wait until " + service + " is " + condition.composeName() + (required ? "" : " (optional)");
        }
    }

    private static String shortHash(String hash) {
        return hash == null ? "none" : hash.substring(0, Math.min(12, hash.length()));
    }

    private static String durationText(Duration d) {
        return d == null ? "default" : GoDuration.format(d);
    }
}
