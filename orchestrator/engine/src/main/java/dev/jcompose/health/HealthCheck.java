package dev.jcompose.health;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.quantity.GoDuration;
import java.time.Duration;

/**
 * A healthcheck's timing parameters with docker's defaults applied: an unset or zero duration
 * means the default, as does a retry count below 1.
 */
public record HealthCheck(
        Duration interval, Duration timeout, int retries, Duration startPeriod, Duration startInterval) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_RETRIES = 3;
    public static final Duration DEFAULT_START_PERIOD = Duration.ZERO;
    public static final Duration DEFAULT_START_INTERVAL = Duration.ofSeconds(5);

    public HealthCheck {
        interval = orDefault("interval", interval, DEFAULT_INTERVAL);
        timeout = orDefault("timeout", timeout, DEFAULT_TIMEOUT);
        retries = retries < 1 ? DEFAULT_RETRIES : retries;
        startPeriod = orDefault("start_period", startPeriod, DEFAULT_START_PERIOD);
        startInterval = orDefault("start_interval", startInterval, DEFAULT_START_INTERVAL);
    }

    /** All defaults: 30s interval and timeout, 3 retries, no start period, 5s start interval. */
    public static HealthCheck defaults() {
        return new HealthCheck(null, null, 0, null, null);
    }

    public HealthCheck withInterval(Duration value) {
        return new HealthCheck(value, timeout, retries, startPeriod, startInterval);
    }

    public HealthCheck withTimeout(Duration value) {
        return new HealthCheck(interval, value, retries, startPeriod, startInterval);
    }

    public HealthCheck withRetries(int value) {
        return new HealthCheck(interval, timeout, value, startPeriod, startInterval);
    }

    public HealthCheck withStartPeriod(Duration value) {
        return new HealthCheck(interval, timeout, retries, value, startInterval);
    }

    public HealthCheck withStartInterval(Duration value) {
        return new HealthCheck(interval, timeout, retries, startPeriod, value);
    }

    private static Duration orDefault(String name, Duration value, Duration fallback) {
        if (value == null || value.isZero()) {
            return fallback;
        }
        if (value.isNegative()) {
            throw new JcomposeException(
                    "healthcheck " + name + " is negative: " + GoDuration.format(value),
                    "use a positive duration such as 30s, or leave it out for the default",
                    ExitCode.COMPOSE_PARSE);
        }
        return value;
    }
}
