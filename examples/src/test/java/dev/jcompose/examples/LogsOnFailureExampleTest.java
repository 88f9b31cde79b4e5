package dev.jcompose.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.jcompose.fixtures.ComposeStack;
import dev.jcompose.junit.ComposeTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * What a failing test leaves behind: every container's log under
 * {@code target/jcompose-logs/<class>/<method>/}, and nothing for a passing one. The failing test
 * runs inside this one (JUnit's test kit), so the build proves it without failing.
 */
@Tag("root")
class LogsOnFailureExampleTest {
    static final Path LOGS = Path.of("target/jcompose-logs");

    /** Run only through the test kit below (surefire skips nested classes). */
    @ComposeTest(files = "../compose-samples/quickstart/compose.yaml")
    static class AStackTest {
        @Test
        void passes(ComposeStack stack) {
            assertThat(stack.services()).contains("front");
        }

        @Test
        void fails(ComposeStack stack) {
            stack.exec("store", "sh", "-c", "echo the store saw this > /proc/1/fd/1");
            assertThat(stack.logs("store")).as("a deliberate failure").isEmpty();
        }
    }

    @Test
    void aFailedTestLeavesEveryContainersLogAndAPassingOneNothing() throws Exception {
        Path classDir = LOGS.resolve(AStackTest.class.getName());
        deleteTree(classDir);
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(AStackTest.class))
                .execute()
                .testEvents();
        tests.assertStatistics(s -> s.succeeded(1).failed(1));
        assertThat(classDir.resolve("passes")).doesNotExist();
        Path failed = classDir.resolve("fails");
        try (Stream<Path> files = Files.list(failed)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .hasSize(3)
                    .allMatch(n -> n.matches("astacktest-[0-9a-f]{8}-(api|front|store)-1\\.log"));
        }
        try (Stream<Path> files = Files.list(failed)) {
            Path store = files.filter(f -> f.toString().endsWith("-store-1.log"))
                    .findFirst()
                    .orElseThrow();
            assertThat(Files.readString(store)).contains("the store saw this");
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
