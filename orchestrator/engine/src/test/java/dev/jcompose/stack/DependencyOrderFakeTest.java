package dev.jcompose.stack;

import java.io.IOException;

/** {@link DependencyOrderScenarios} without root: the store's healthcheck (an exec) succeeds on the fake. */
class DependencyOrderFakeTest extends DependencyOrderScenarios {
    @Override
    StackHost open() throws IOException {
        return new FakeStackFixture();
    }
}
