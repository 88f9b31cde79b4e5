package dev.jcompose.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.JcomposeException;
import dev.jcompose.observe.ObservedContainer;
import dev.jcompose.observe.ObservedState;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden plans: every {@code src/test/resources/plan/*.txt} scenario must plan exactly as its
 * {@code --- plan} section says. Run with {@code -Dgolden.update=true} to rewrite those sections
 * after a reviewed change. Besides the text, every successful plan is checked to converge: applied
 * by {@link PlanSimulator}, planning the same command again finds nothing to do but waits.
 */
class PlannerGoldenTest {
    private static final Path SOURCE = Path.of("src/test/resources/plan");

    static Stream<String> scenarios() throws IOException, URISyntaxException {
        Path dir = Path.of(PlannerGoldenTest.class.getResource("/plan").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".txt"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    static String planText(Scenario s, ObservedState observed) {
        try {
            return Planner.plan(s.desired(), observed, s.options()).render(Operation::describe);
        } catch (JcomposeException e) {
            return "error: " + e.getMessage() + (e.hint() == null ? "" : "\nhint: " + e.hint()) + "\n";
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void planMatchesGolden(String file) throws IOException {
        String text = Scenario.resource("/plan/" + file);
        Scenario s = Scenario.parse(text);
        String actual = planText(s, s.observed());
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(SOURCE.resolve(file), s.withPlan(actual, text));
        }
        assertThat(actual).isEqualTo(s.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void planIgnoresTheOrderTheEngineListedThingsIn(String file) {
        Scenario s = Scenario.parse(Scenario.resource("/plan/" + file));
        ObservedState o = s.observed();
        List<ObservedContainer> reversed = new ArrayList<>(o.containers());
        Collections.reverse(reversed);
        ObservedState shuffled = new ObservedState(
                reversed,
                o.networks().reversed(),
                o.volumes().reversed(),
                o.images().reversed());
        assertThat(planText(s, shuffled)).isEqualTo(planText(s, o));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void appliedPlanConverges(String file) {
        Scenario s = Scenario.parse(Scenario.resource("/plan/" + file));
        Plan<Operation> plan;
        try {
            plan = Planner.plan(s.desired(), s.observed(), s.options());
        } catch (JcomposeException e) {
            return; // error scenarios have nothing to apply
        }
        ObservedState after = new PlanSimulator(s.desired(), s.observed()).apply(plan);
        Recreate recreate = s.options().recreate() == Recreate.FORCE
                ? Recreate.DIVERGED
                : s.options().recreate();
        PlanOptions again = s.options().withRecreate(recreate, false);
        if (s.options().command() == PlanOptions.Command.RESTART) {
            // a restart always acts; what it leaves is started: starting the same services finds nothing to start
            again = PlanOptions.start().withServices(s.options().services(), true);
        }
        Plan<Operation> second = Planner.plan(s.desired(), after, again);
        if (s.options().command() == PlanOptions.Command.STOP) {
            assertThat(second.steps()).isEmpty();
        }
        assertThat(second.steps())
                .allSatisfy(step -> assertThat(step.op())
                        .isInstanceOfAny(
                                Operation.WaitForCondition.class,
                                Operation.PullImage.class,
                                Operation.BuildImage.class));
        if (s.options().command() == PlanOptions.Command.DOWN
                && !s.options().services().isEmpty()) {
            // down SERVICE: the named services' containers are gone; the others' stay
            assertThat(after.projectContainers(s.desired().name()))
                    .allSatisfy(c -> assertThat(s.options().services()).doesNotContain(c.service()));
        } else if (s.options().command() == PlanOptions.Command.DOWN) {
            assertThat(after.projectContainers(s.desired().name())).allSatisfy(c -> {
                assertThat(c.service() == null || !s.desired().declares(c.service()))
                        .isTrue();
                assertThat(s.options().removeOrphans()).isFalse();
            });
        }
    }
}
