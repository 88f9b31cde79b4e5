package dev.jcompose.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.fixtures.ComposeStack;
import dev.jcompose.junit.ComposeTest;
import dev.jcompose.junit.Scope;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One of two classes sharing a suite-scoped stack: whichever runs first starts it, the other finds
 * it running (the same project), and it is taken down when the test run ends.
 */
@Tag("root")
@ComposeTest(files = "../compose-samples/quickstart/compose.yaml", scope = Scope.SUITE)
class SharedSuiteStackOneExampleTest {
    @Test
    void seesTheSharedStack(ComposeStack stack) {
        SharedSuiteStack.seen(stack.projectName());
        assertThat(stack.projectName()).startsWith("suite-");
        assertThat(SharedSuiteStack.projects()).containsOnly(stack.projectName());
        assertThat(stack.exec("store", "sh", "-c", "echo one >> /data/visitors").exitCode())
                .isZero();
    }
}
