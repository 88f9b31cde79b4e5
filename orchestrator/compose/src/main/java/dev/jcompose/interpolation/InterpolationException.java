package dev.jcompose.interpolation;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;

/**
 * A string could not be interpolated. It knows no file: callers ({@link Interpolator}, the dotenv
 * parser) turn it into a {@link dev.jcompose.yaml.ComposeFileException} at the right location,
 * using {@link #offset()} to point at the offending {@code $}.
 */
public final class InterpolationException extends JcomposeException {
    /** What went wrong. */
    public enum Kind {
        /** The text is not valid interpolation syntax, e.g. an unterminated {@code ${}. */
        INVALID_FORMAT,
        /** {@code ${VAR:?msg}} or {@code ${VAR?msg}} met an unset (or empty) variable. */
        MISSING_REQUIRED,
        /** Defaults nested inside defaults beyond a sane depth. */
        TOO_DEEP
    }

    private final Kind kind;
    private final int offset;
    private final String variable;

    private InterpolationException(Kind kind, int offset, String variable, String message, String hint) {
        super(message, hint, ExitCode.COMPOSE_PARSE);
        this.kind = kind;
        this.offset = offset;
        this.variable = variable;
    }

    static InterpolationException invalid(int offset) {
        return new InterpolationException(
                Kind.INVALID_FORMAT, offset, null, "invalid interpolation format", Interpolator.ESCAPE_HINT);
    }

    /** compose-go's wording: the reason is appended only when the template gave one. */
    static InterpolationException missing(int offset, String variable, String reason) {
        String message =
                "required variable " + variable + " is missing a value" + (reason.isEmpty() ? "" : ": " + reason);
        return new InterpolationException(
                Kind.MISSING_REQUIRED,
                offset,
                variable,
                message,
                "set " + variable + " in the environment or in the project's .env file");
    }

    static InterpolationException tooDeep(int offset, int max) {
        return new InterpolationException(
                Kind.TOO_DEEP,
                offset,
                null,
                "interpolation nested more than " + max + " levels deep",
                "simplify the nested ${...} defaults");
    }

    public Kind kind() {
        return kind;
    }

    /** Index in the interpolated text of the {@code $} that starts the failing expression. */
    public int offset() {
        return offset;
    }

    /** The required variable, or {@code null} for a format error. */
    public String variable() {
        return variable;
    }
}
