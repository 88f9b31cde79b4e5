package dev.jcompose.kube.cluster;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code deploy --wait}: like {@code up --wait}, returns once every Deployment has all its replicas
 * available and every Job has completed; fails when a Job fails, a Deployment passes its progress
 * deadline, or the time is up. It watches the
 * objects (no polling loop of its own).
 */
final class Rollout {
    private final KubernetesClient client;
    private final Duration timeout;

    Rollout(KubernetesClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    void await(List<HasMetadata> objects) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (HasMetadata o : objects) {
            if (o instanceof Deployment d) {
                Deployment done = until(d, x -> available(x) || stalled(x) != null, deadline, "become available");
                if (!available(done)) {
                    throw new JcomposeException(
                            "Deployment/" + d.getMetadata().getName() + " stopped progressing: " + stalled(done),
                            "kubectl describe deployment " + d.getMetadata().getName() + " shows why",
                            ExitCode.FAILURE);
                }
            } else if (o instanceof Job j) {
                Job done = until(j, x -> finished(x) != null, deadline, "complete");
                if ("Failed".equals(finished(done))) {
                    throw new JcomposeException(
                            "Job/" + j.getMetadata().getName() + " failed",
                            "kubectl logs job/" + j.getMetadata().getName() + " shows why",
                            ExitCode.FAILURE);
                }
            }
        }
    }

    private <T extends HasMetadata> T until(
            T object, java.util.function.Predicate<T> condition, long deadline, String goal) {
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        String name = object.getKind() + "/" + object.getMetadata().getName();
        try {
            return client.resource(object)
                    .waitUntilCondition(x -> x != null && condition.test(x), left, TimeUnit.MILLISECONDS);
        } catch (KubernetesClientTimeoutException e) {
            throw new JcomposeException(
                    name + " did not " + goal + " within " + timeout.toSeconds() + "s",
                    "kubectl describe " + name.toLowerCase(java.util.Locale.ROOT) + " shows what it waits for",
                    ExitCode.FAILURE,
                    e);
        } catch (KubernetesClientException e) {
            throw ApiErrors.of("watch", object.getKind(), object.getMetadata().getName(), e);
        }
    }

    static boolean available(Deployment d) {
        int wanted = d.getSpec() == null || d.getSpec().getReplicas() == null
                ? 1
                : d.getSpec().getReplicas();
        var s = d.getStatus();
        if (wanted == 0) {
            return true;
        }
        if (s == null) {
            return false;
        }
        boolean current = s.getObservedGeneration() == null
                || d.getMetadata().getGeneration() == null
                || s.getObservedGeneration() >= d.getMetadata().getGeneration();
        int available = s.getAvailableReplicas() == null ? 0 : s.getAvailableReplicas();
        return current && available >= wanted;
    }

    /** The message of a Deployment past its progress deadline, else null. */
    static String stalled(Deployment d) {
        if (d.getStatus() == null || d.getStatus().getConditions() == null) {
            return null;
        }
        return d.getStatus().getConditions().stream()
                .filter(c -> "Progressing".equals(c.getType())
                        && "False".equals(c.getStatus())
                        && "ProgressDeadlineExceeded".equals(c.getReason()))
                .map(c -> c.getMessage() == null ? "ProgressDeadlineExceeded" : c.getMessage())
                .findFirst()
                .orElse(null);
    }

    /** "Complete" or "Failed" once the Job has finished, else null. */
    static String finished(Job j) {
        if (j.getStatus() == null || j.getStatus().getConditions() == null) {
            return null;
        }
        for (JobCondition c : j.getStatus().getConditions()) {
            if ("True".equals(c.getStatus()) && ("Complete".equals(c.getType()) || "Failed".equals(c.getType()))) {
                return c.getType();
            }
        }
        return null;
    }
}
