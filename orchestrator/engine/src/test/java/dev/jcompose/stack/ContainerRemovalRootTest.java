package dev.jcompose.stack;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.image.testing.TestImages;
import java.io.IOException;
import org.junit.jupiter.api.Tag;

/** {@link ContainerRemovalScenarios} on this host. */
@Tag("root")
class ContainerRemovalRootTest extends ContainerRemovalScenarios {
    @Override
    StackHost open() throws IOException {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        return new StackFixture();
    }
}
