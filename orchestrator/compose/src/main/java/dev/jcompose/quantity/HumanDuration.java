package dev.jcompose.quantity;

import java.time.Duration;

/**
 * Durations as docker prints them in {@code ps} (docker/go-units {@code HumanDuration}):
 * {@code Less than a second}, {@code 1 second}, {@code About a minute}, {@code 3 hours}, ...
 * Callers append {@code " ago"} where docker does.
 */
public final class HumanDuration {
    private HumanDuration() {}

    public static String format(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < 1) {
            return "Less than a second";
        }
        if (seconds == 1) {
            return "1 second";
        }
        if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = d.toMinutes();
        if (minutes == 1) {
            return "About a minute";
        }
        if (minutes < 60) {
            return minutes + " minutes";
        }
        return largeUnits(d);
    }

    private static String largeUnits(Duration d) {
        // go-units rounds to the nearest hour here (and only here), so 89 minutes is "About an hour"
        long hours = d.plusMinutes(30).toHours();
        if (hours == 1) {
            return "About an hour";
        }
        if (hours < 48) {
            return hours + " hours";
        }
        if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        }
        if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        }
        if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return d.toHours() / 24 / 365 + " years";
    }
}
