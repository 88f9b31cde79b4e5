package dev.jcompose.progress;

/** Where one resource's operation stands (docker compose's EventStatus). */
public enum ProgressStatus {
    WORKING,
    DONE,
    WARNING,
    ERROR;

    public boolean finished() {
        return this != WORKING;
    }
}
