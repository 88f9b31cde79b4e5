package dev.jcompose.cli;

import dev.jcompose.fixtures.ComposeFixture;
import dev.jcompose.fixtures.ComposeStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A test JVM of its own that holds a stack: {@code FixtureHolder <compose file> <prefix> <grace ms>}
 * starts the fixture (environment from its process), prints {@code project <name>} and waits to be
 * killed. {@link FixturesRootTest} SIGKILLs it and watches the engine reap the stack.
 */
final class FixtureHolder {
    private FixtureHolder() {}

    public static void main(String[] args) throws InterruptedException {
        ComposeStack stack = ComposeFixture.of(Path.of(args[0]))
                .projectPrefix(args[1])
                .ephemeralHostPorts()
                .leaseGrace(Duration.ofMillis(Long.parseLong(args[2])))
                .start();
        System.out.println("project " + stack.projectName());
        System.out.flush();
        new CountDownLatch(1).await(); // held until the test kills this JVM
    }
}
