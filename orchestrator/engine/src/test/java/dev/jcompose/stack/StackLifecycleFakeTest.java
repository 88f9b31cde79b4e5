package dev.jcompose.stack;

import java.io.IOException;

/** {@link StackLifecycleScenarios} without root: the processes' exits and probes are scripted. */
class StackLifecycleFakeTest extends StackLifecycleScenarios {
    @Override
    StackHost open() throws IOException {
        return new FakeStackFixture();
    }
}
