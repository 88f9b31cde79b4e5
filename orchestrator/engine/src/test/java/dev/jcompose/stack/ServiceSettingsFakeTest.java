package dev.jcompose.stack;

import java.io.IOException;

/** {@link ServiceSettingsScenarios} without root. */
class ServiceSettingsFakeTest extends ServiceSettingsScenarios {
    @Override
    StackHost open() throws IOException {
        return new FakeStackFixture();
    }
}
