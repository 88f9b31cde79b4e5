package dev.jcompose.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.fixtures.ComposeStack;
import dev.jcompose.junit.ComposeTest;
import dev.jcompose.junit.Scope;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The other class on the suite-scoped stack of {@link SharedSuiteStackOneExampleTest}. */
@Tag("root")
@ComposeTest(files = "../compose-samples/quickstart/compose.yaml", scope = Scope.SUITE)
class SharedSuiteStackTwoExampleTest {
    @Test
    void seesTheSameStack(ComposeStack stack) {
        SharedSuiteStack.seen(stack.projectName());
        assertThat(SharedSuiteStack.projects()).containsOnly(stack.projectName());
        assertThat(stack.exec("store", "sh", "-c", "echo two >> /data/visitors").exitCode())
                .isZero();
    }
}
