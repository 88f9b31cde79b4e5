package dev.jcompose.junit;

/** How long a {@link ComposeTest} stack lives. */
public enum Scope {
    /** Started before the class's first test, taken down after its last. */
    CLASS,
    /**
     * Started by the first class that needs it and shared by every class naming the same files,
     * profiles and env; taken down when the test run ends.
     */
    SUITE
}
