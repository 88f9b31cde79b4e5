package dev.jcompose.kube.convert;

import dev.jcompose.model.Healthcheck;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A healthcheck as a probe. {@code CMD} runs its arguments, {@code CMD-SHELL} its string through
 * {@code sh -c}; interval, timeout and retries become period, timeout and failure threshold, in whole
 * seconds (at least one, rounded up). A readiness probe needs no start period: a pod is not ready
 * until its first success anyway. A liveness probe, when asked for, waits the start period first.
 */
final class Probes {
    private Probes() {}

    /** The probe of {@code h}, or empty when there is none or it is disabled. */
    static Optional<Probe> of(Healthcheck h, boolean liveness) {
        if (h == null || h.disabled() || h.test().isEmpty()) {
            return Optional.empty();
        }
        List<String> command = command(h.test());
        if (command.isEmpty()) {
            return Optional.empty();
        }
        ProbeBuilder b = new ProbeBuilder()
                .withNewExec()
                .withCommand(command)
                .endExec()
                .withPeriodSeconds(seconds(h.interval(), 30))
                .withTimeoutSeconds(seconds(h.timeout(), 30))
                .withFailureThreshold(h.retries() == null ? 3 : (int) Math.max(1, h.retries()));
        if (liveness && h.startPeriod() != null && !h.startPeriod().isZero()) {
            b.withInitialDelaySeconds(seconds(h.startPeriod(), 0));
        }
        return Optional.of(b.build());
    }

    private static List<String> command(List<String> test) {
        return switch (test.getFirst()) {
            case "CMD" -> test.subList(1, test.size());
            case "CMD-SHELL" -> List.of("sh", "-c", String.join(" ", test.subList(1, test.size())));
            default -> List.of("sh", "-c", String.join(" ", test));
        };
    }

    /** Whole seconds, rounded up, at least one; {@code dflt} (docker's default) when unset. */
    static int seconds(Duration d, int dflt) {
        if (d == null || d.isZero()) {
            return Math.max(1, dflt);
        }
        long ms = d.toMillis();
        return (int) Math.max(1, (ms + 999) / 1000);
    }
}
