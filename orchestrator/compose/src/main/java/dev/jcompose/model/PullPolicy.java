package dev.jcompose.model;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;

/**
 * When an image is pulled: {@code --pull} on the command line, else the service's
 * {@code pull_policy}, else {@code missing}. The refresh policies ({@code daily}, {@code weekly},
 * {@code every_<duration>}) need the time of the last pull, which jcompose does not record yet: they
 * act as {@code missing}.
 */
public enum PullPolicy {
    ALWAYS,
    MISSING,
    NEVER,
    BUILD;

    public static PullPolicy parse(String text) {
        return switch (text) {
            case "always" -> ALWAYS;
            case "missing", "if_not_present" -> MISSING;
            case "never" -> NEVER;
            case "build" -> BUILD;
            case "daily", "weekly" -> MISSING;
            default -> {
                if (text.startsWith("every_")) {
                    yield MISSING;
                }
                throw new JcomposeException(
                        "invalid pull policy: " + text,
                        "use always, missing, never, build, daily, weekly or every_<duration>",
                        ExitCode.COMMAND_SYNTAX);
            }
        };
    }
}
