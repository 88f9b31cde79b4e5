package dev.jcompose.restart;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.model.DeployRestartPolicy;

/**
 * A service's {@code restart:} policy.
 *
 * @param maximumRetryCount for {@code on-failure} only: restarts allowed, 0 for no limit
 */
public record RestartPolicy(Kind kind, int maximumRetryCount) {
    public enum Kind {
        NO("no"),
        ALWAYS("always"),
        ON_FAILURE("on-failure"),
        UNLESS_STOPPED("unless-stopped");

        private final String composeName;

        Kind(String composeName) {
            this.composeName = composeName;
        }

        @Override
        public String toString() {
            return composeName;
        }
    }

    private static final String FORMS =
            "use one of \"no\", always, on-failure, on-failure:<max-retries>, unless-stopped";

    public static final RestartPolicy NO = new RestartPolicy(Kind.NO, 0);
    public static final RestartPolicy ALWAYS = new RestartPolicy(Kind.ALWAYS, 0);
    public static final RestartPolicy UNLESS_STOPPED = new RestartPolicy(Kind.UNLESS_STOPPED, 0);

    public RestartPolicy {
        if (maximumRetryCount < 0) {
            throw invalid(kind + ":" + maximumRetryCount, "the maximum retry count cannot be negative");
        }
        if (maximumRetryCount > 0 && kind != Kind.ON_FAILURE) {
            throw invalid(kind + ":" + maximumRetryCount, "a maximum retry count only goes with on-failure");
        }
    }

    public static RestartPolicy onFailure(int maximumRetryCount) {
        return new RestartPolicy(Kind.ON_FAILURE, maximumRetryCount);
    }

    /**
     * A service's policy as docker compose gives it to the engine: {@code deploy.restart_policy},
     * where set, wins over {@code restart:}; its condition {@code none}/{@code any} is docker's
     * {@code no}/{@code always}, and {@code max_attempts} the on-failure retry count (a count on
     * another condition is dropped; docker refuses it). Neither set, or no condition: {@code no}.
     */
    public static RestartPolicy ofService(String restart, DeployRestartPolicy deploy) {
        if (deploy == null) {
            return restart == null || restart.isEmpty() ? NO : parse(restart);
        }
        String condition = deploy.condition() == null ? "" : deploy.condition();
        return switch (condition) {
            case "on-failure" ->
                onFailure(
                        deploy.maxAttempts() == null ? 0 : deploy.maxAttempts().intValue());
            case "any", "always" -> ALWAYS;
            case "unless-stopped" -> UNLESS_STOPPED;
            default -> NO;
        };
    }

    /** Parses the compose spelling: {@code no}, {@code always}, {@code on-failure[:max]}, {@code unless-stopped}. */
    public static RestartPolicy parse(String text) {
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        Kind kind = null;
        for (Kind candidate : Kind.values()) {
            if (candidate.composeName.equals(name)) {
                kind = candidate;
            }
        }
        if (kind == null) {
            throw invalid(text, "unknown policy");
        }
        if (colon < 0) {
            return new RestartPolicy(kind, 0);
        }
        if (kind != Kind.ON_FAILURE) {
            throw invalid(text, "a maximum retry count only goes with on-failure");
        }
        String count = text.substring(colon + 1);
        if (!count.matches("[0-9]{1,9}")) {
            throw invalid(text, "the maximum retry count must be a non-negative integer");
        }
        return onFailure(Integer.parseInt(count));
    }

    private static JcomposeException invalid(String text, String problem) {
        return new JcomposeException(
                "invalid restart policy \"" + text + "\": " + problem, FORMS, ExitCode.COMPOSE_PARSE);
    }

    @Override
    public String toString() {
        return kind == Kind.ON_FAILURE && maximumRetryCount > 0 ? kind + ":" + maximumRetryCount : kind.toString();
    }
}
