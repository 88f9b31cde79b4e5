package dev.jcompose.stack;

import java.io.IOException;

/** {@link ProjectOriginScenarios} without root. */
class ProjectOriginFakeTest extends ProjectOriginScenarios {
    @Override
    StackHost open() throws IOException {
        return new FakeStackFixture();
    }
}
