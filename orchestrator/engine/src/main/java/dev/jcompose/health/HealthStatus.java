package dev.jcompose.health;

/** Docker's health states, spelled as {@code docker inspect} shows them. */
public enum HealthStatus {
    STARTING("starting"),
    HEALTHY("healthy"),
    UNHEALTHY("unhealthy");

    private final String text;

    HealthStatus(String text) {
        this.text = text;
    }

    @Override
    public String toString() {
        return text;
    }
}
