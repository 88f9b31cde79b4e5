package dev.jcompose.plan;

/** When existing containers are replaced: when diverged (default), always ({@code --force-recreate}), never. */
public enum Recreate {
    DIVERGED,
    FORCE,
    NEVER
}
