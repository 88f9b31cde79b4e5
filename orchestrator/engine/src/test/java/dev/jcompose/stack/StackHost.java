package dev.jcompose.stack;

import dev.jcompose.api.ComposeService;
import dev.jcompose.api.StackListener;
import dev.jcompose.container.ScriptedProcess;
import dev.jcompose.engine.EngineContext;
import dev.jcompose.host.HostPaths;
import dev.jcompose.image.testing.TestImage;
import dev.jcompose.model.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A private jcompose host for one stack test and a {@link Stack} on it: the real kernel as root
 * ({@link StackFixture}) or the in-memory runtime and network ({@link FakeStackFixture}). Scenarios
 * written against this run on both; {@link #behaves} says what a container's process does on the
 * fake (the real host runs the compose file's command instead).
 */
interface StackHost extends AutoCloseable {
    Stack stack();

    ComposeService compose();

    /** A directory of the test's own, deleted at close. */
    Path dir();

    HostPaths paths();

    /** One listener instance: subscribed for background events, and passed to commands (no duplicates). */
    StackListener listener();

    /** Every event heard so far, rendered, in order. */
    List<String> rendered();

    void clearEvents();

    /** Loads a project from a directory, named {@link #project} so parallel runs never share names. */
    Project load(Path projectDir, String name, Map<String, String> env);

    /** The full name of the project loaded as {@code name}. */
    String project(String name);

    /**
     * A second stack on the same host, as a new engine process opens it (same state, networks and
     * containers); the caller closes it before {@code engine}.
     */
    Stack openAnother(EngineContext engine);

    /**
     * On the fake host: the container created from now on with this name runs {@code process}. The
     * real host ignores it (the command in the compose file does the same there).
     */
    void behaves(String containerName, ScriptedProcess process);

    /** Makes the image {@code name} present on the host (the real host loads it, the fake knows its config). */
    void image(String name, TestImage image);

    @Override
    void close() throws Exception;

    /** Writes {@code yaml} as {@code dir()/name/compose.yaml} and loads it as project {@code name}. */
    default Project write(String name, String yaml) throws Exception {
        Path d = Files.createDirectories(dir().resolve(name));
        Files.writeString(d.resolve("compose.yaml"), yaml);
        return load(d, name, Map.of());
    }

    /** Waits for a condition the engine makes true in the background (an exit, a restart, a log line). */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
        }
    }
}
