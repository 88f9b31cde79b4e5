package dev.jcompose.stack;

import java.io.IOException;

/** {@link VolumesScenarios} without root: volumes are directories in the test's temp dir. */
class VolumesFakeTest extends VolumesScenarios {
    @Override
    StackHost open() throws IOException {
        return new FakeStackFixture();
    }
}
