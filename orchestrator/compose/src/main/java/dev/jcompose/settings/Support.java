package dev.jcompose.settings;

/** How jcompose treats one service setting (see the package documentation for the rule). */
public enum Support {
    /** Applied to the container (possibly with value-level exceptions the rule reports). */
    HONOURED,
    /** Consumed before the container exists (loader, planner, CLI) or, like docker, a no-op for {@code up}. */
    ELSEWHERE,
    /** Not applied: using it draws a warning, or an error where ignoring it would weaken confinement. */
    UNSUPPORTED
}
