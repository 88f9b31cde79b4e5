package dev.jcompose.policy;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;

/**
 * When an image is pulled: {@code --pull} on the command line, else the service's
 * {@code pull_policy}, else {@code missing}. The planner decides with it which images to pull or
 * build; the runtime's {@code ensureImage} takes it too. The refresh policies ({@code daily},
 * {@code weekly}, {@code every_<duration>}) need the time of the last pull, which jcompose does not
 * record yet: they act as {@code missing}.
 */
public enum PullPolicy {
    /** Pull every time, even when the image is stored. */
    ALWAYS,
    /** Pull only when no image of that name is stored (compose's default). */
    MISSING,
    /** Never pull: a missing image is an error. */
    NEVER,
    /** Build the image from the service's {@code build:} section instead of pulling it. */
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
