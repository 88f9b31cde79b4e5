package dev.jcompose.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlanTest {
    private static Plan<String> diamond() {
        return Plan.<String>builder()
                .add("pull", "pull image")
                .add("create web", "create web", "pull")
                .add("wait db", "wait db healthy", "pull")
                .add("start web", "start web", "create web", "wait db")
                .build();
    }

    @Test
    void rendersWarningsThenOneLinePerStepInTheGivenOrder() {
        assertThat(Plan.<String>builder()
                        .add("pull", "pull image")
                        .add("start web", "start web", "pull")
                        .warn("db is paused")
                        .build()
                        .render(op -> op))
                .isEqualTo("""
                warning: db is paused
                pull: pull image
                start web: start web [after pull]
                """);
    }

    @Test
    void renderUsesTheGivenOperationText() {
        assertThat(diamond().render(op -> "<" + op.length() + ">"))
                .startsWith("pull: <10>\ncreate web: <10> [after pull]\n");
    }

    @Test
    void stepsKeepTheGivenOrderAndDependenciesTheirFirstMention() {
        Plan<String> plan = Plan.<String>builder()
                .add("b", "b")
                .add("c", "c")
                .add("a", "a", "c", "b", "c")
                .build();
        assertThat(plan.steps()).extracting(Step::id).containsExactly("b", "c", "a");
        assertThat(plan.step("a").dependsOn()).containsExactly("c", "b");
    }

    @Test
    void knowsDependentsAndTransitiveDependents() {
        Plan<String> plan = diamond();
        assertThat(plan.dependents("pull")).containsExactly("create web", "wait db");
        assertThat(plan.transitiveDependents("pull")).containsExactly("create web", "start web", "wait db");
        assertThat(plan.transitiveDependents("start web")).isEmpty();
        assertThat(plan.size()).isEqualTo(4);
        assertThat(plan.step("pull").op()).isEqualTo("pull image");
    }

    @Test
    void rejectsUnknownDependencies() {
        assertThatThrownBy(
                        () -> Plan.<String>builder().add("web", "start", "db").build())
                .isInstanceOf(PlanException.class)
                .hasMessage("plan step \"web\" depends on unknown step \"db\"");
    }

    @Test
    void rejectsDuplicateIds() {
        assertThatThrownBy(() ->
                        Plan.<String>builder().add("web", "a").add("web", "b").build())
                .isInstanceOf(PlanException.class)
                .hasMessage("plan step \"web\" is defined twice");
    }

    @Test
    void rejectsCyclesAsADependencyOnALaterStep() {
        assertThatThrownBy(() -> Plan.<String>builder()
                        .add("a", "a")
                        .add("b", "b", "a", "d")
                        .add("c", "c", "b")
                        .add("d", "d", "c")
                        .add("e", "e", "d")
                        .build())
                .isInstanceOf(PlanException.class)
                .hasMessage("plan step \"b\" depends on \"d\", not an earlier step");
    }

    @Test
    void rejectsSelfDependencies() {
        assertThatThrownBy(() -> Plan.<String>builder().add("a", "a", "a").build())
                .isInstanceOf(PlanException.class)
                .hasMessage("plan step \"a\" depends on \"a\", not an earlier step");
    }

    @Test
    void rejectsBlankIds() {
        assertThatThrownBy(() -> Plan.<String>builder().add(" ", "x"))
                .isInstanceOf(PlanException.class)
                .hasMessage("plan step id is blank");
    }

    @Test
    void emptyPlanRendersNothing() {
        Plan<String> plan = Plan.<String>builder().build();
        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.render(op -> op)).isEmpty();
    }
}
