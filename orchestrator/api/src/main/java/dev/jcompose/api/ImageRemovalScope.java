package dev.jcompose.api;

import java.util.Locale;

/** {@code down --rmi}: {@code all} removes every image the services use; {@code local} only those without a custom tag (no {@code image:}). */
public enum ImageRemovalScope {
    LOCAL,
    ALL;

    /** The scope named on the command line; null when {@code --rmi} was not given. */
    public static ImageRemovalScope parse(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "local" -> LOCAL;
            case "all" -> ALL;
            default -> throw new StackException("invalid value for --rmi: \"" + value + "\"", "use local or all");
        };
    }
}
