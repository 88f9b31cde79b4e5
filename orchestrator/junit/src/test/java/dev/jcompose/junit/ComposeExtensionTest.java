package dev.jcompose.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.jcompose.fixtures.ComposeFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The extension's own decisions, without an engine: skipping, and what the annotation makes of a fixture. */
class ComposeExtensionTest {
    @TempDir
    Path runRoot;

    @AfterEach
    void clearProperties() {
        System.clearProperty("jcompose.env.JCOMPOSE_RUN_ROOT");
        System.clearProperty("jcompose.env.PATH");
    }

    @ComposeTest(files = "src/test/resources/none/compose.yaml")
    static class NeedsAStack {
        @Test
        void neverRuns() {
            throw new AssertionError("a class without an engine must be skipped, not run");
        }
    }

    @Test
    void withoutAnEngineToRunOnTheClassIsSkippedWithTheReasonNotFailed() {
        // no engine answers in an empty run root, and no OCI runtime is on this PATH
        System.setProperty("jcompose.env.JCOMPOSE_RUN_ROOT", runRoot.toString());
        System.setProperty("jcompose.env.PATH", runRoot.toString());
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(NeedsAStack.class))
                .execute()
                .allEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                container(NeedsAStack.class),
                                abortedWithReason(message(m -> m.startsWith("jcompose: ")
                                        && (m.contains("no OCI runtime") || m.contains("not root"))))));
    }

    @ComposeTest(
            files = "a/compose.yaml",
            profiles = "test",
            env = {"TAG=1.36"},
            scope = Scope.SUITE)
    static class Suite {}

    @ComposeTest(files = "a/compose.yaml", profiles = "test", env = "TAG=1.36")
    static class SameStackClassScope {}

    @Test
    void classesNamingTheSameStackShareOneSuiteKey() {
        ComposeFixture suite = ComposeExtension.fixture(Suite.class.getAnnotation(ComposeTest.class), Suite.class);
        ComposeFixture again = ComposeExtension.fixture(Suite.class.getAnnotation(ComposeTest.class), Suite.class);
        ComposeFixture perClass = ComposeExtension.fixture(
                SameStackClassScope.class.getAnnotation(ComposeTest.class), SameStackClassScope.class);
        assertThat(suite.key())
                .isEqualTo(again.key())
                .contains("profiles=[test]")
                .contains("TAG=1.36");
        assertThat(suite.key()).contains("ephemeral=true");
        assertThat(perClass.key()).isEqualTo(suite.key());
    }

    @Test
    void anEnvEntryWithoutAnEqualsSignIsAClearError() {
        @ComposeTest(files = "a/compose.yaml", env = "TAG")
        class Bad {}
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ComposeExtension.fixture(Bad.class.getAnnotation(ComposeTest.class), Bad.class))
                .hasMessageContaining("env entry 'TAG'")
                .hasMessageContaining("is not NAME=value");
    }
}
