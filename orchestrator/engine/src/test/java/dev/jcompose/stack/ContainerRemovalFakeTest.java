package dev.jcompose.stack;

import java.io.IOException;

/** {@link ContainerRemovalScenarios} without root. */
class ContainerRemovalFakeTest extends ContainerRemovalScenarios {
    @Override
    StackHost open() throws IOException {
        return new FakeStackFixture();
    }
}
