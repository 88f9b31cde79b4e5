package dev.jcompose;

/**
 * The version of this jcompose build: {@code jcompose version} prints it, and the engine writes it
 * in the {@code com.docker.compose.version} label of what it creates, as docker compose writes its own.
 */
public final class JcomposeVersion {
    /** What a build without a jar manifest (classes run from target/classes) reports. */
    static final String DEVELOPMENT = "0.1.0-SNAPSHOT";

    private JcomposeVersion() {}

    /** The jar manifest's Implementation-Version, else {@link #DEVELOPMENT}. */
    public static String current() {
        String v = JcomposeVersion.class.getPackage().getImplementationVersion();
        return v == null ? DEVELOPMENT : v;
    }
}
