package dev.jcompose.console;

/** A container's health as {@code ps} shows it; NONE when it has no healthcheck. */
public enum HealthName {
    NONE(""),
    STARTING("starting"),
    HEALTHY("healthy"),
    UNHEALTHY("unhealthy");

    private final String label;

    HealthName(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
