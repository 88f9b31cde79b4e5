package dev.jcompose.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * One forked test JVM of {@link ParallelForksRootTest}: runs both {@link ParallelStacks} classes,
 * concurrently, and exits with the number of tests that did not pass (skipped ones count: a skip
 * would hide a missing engine).
 */
final class ParallelFork {
    private ParallelFork() {}

    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(ParallelStacks.StackA.class), selectClass(ParallelStacks.StackB.class))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, summary);
        TestExecutionSummary result = summary.getSummary();
        result.printTo(new PrintWriter(System.out));
        result.printFailuresTo(new PrintWriter(System.out), 20);
        System.out.flush();
        long bad = result.getTotalFailureCount()
                + result.getTestsAbortedCount()
                + result.getTestsSkippedCount()
                + (result.getTestsSucceededCount() == 2 ? 0 : 1);
        System.exit((int) Math.min(bad, 100));
    }
}
