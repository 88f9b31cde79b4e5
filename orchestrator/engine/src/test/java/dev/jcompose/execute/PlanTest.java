package dev.jcompose.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlanTest {
    private static Plan<String> diamond() {
        return Plan.<String>builder()
                .add("start web", "start web", "create web", "wait db")
                .add("create web", "create web", "pull")
                .add("wait db", "wait db healthy", "pull")
                .add("pull", "pull image")
                .build();
    }

    @Test
    void rendersOneLinePerNodeInTopologicalThenIdOrder() {
        assertThat(diamond().render()).isEqualTo("""
                pull: pull image
                create web: create web <- pull
                wait db: wait db healthy <- pull
                start web: start web <- create web, wait db
                """);
    }

    @Test
    void renderUsesTheGivenOperationText() {
        assertThat(diamond().render(op -> "<" + op.length() + ">"))
                .startsWith("pull: <10>\ncreate web: <10> <- pull\n");
    }

    @Test
    void orderPrefersTheSmallestReadyId() {
        Plan<String> plan = Plan.<String>builder()
                .add("b", "b")
                .add("a", "a", "c")
                .add("c", "c")
                .build();
        assertThat(plan.order()).containsExactly("b", "c", "a");
    }

    @Test
    void knowsDependentsAndTransitiveDependents() {
        Plan<String> plan = diamond();
        assertThat(plan.dependents("pull")).containsExactly("create web", "wait db");
        assertThat(plan.transitiveDependents("pull")).containsExactly("create web", "start web", "wait db");
        assertThat(plan.transitiveDependents("start web")).isEmpty();
        assertThat(plan.size()).isEqualTo(4);
        assertThat(plan.node("pull").operation()).isEqualTo("pull image");
    }

    @Test
    void rejectsUnknownDependencies() {
        assertThatThrownBy(
                        () -> Plan.<String>builder().add("web", "start", "db").build())
                .isInstanceOf(PlanException.class)
                .hasMessage("plan node \"web\" depends on unknown node \"db\"");
    }

    @Test
    void rejectsDuplicateIds() {
        assertThatThrownBy(() -> Plan.<String>builder().add("web", "a").add("web", "b"))
                .isInstanceOf(PlanException.class)
                .hasMessage("plan node \"web\" is defined twice");
    }

    @Test
    void rejectsCyclesNamingTheLoop() {
        assertThatThrownBy(() -> Plan.<String>builder()
                        .add("a", "a")
                        .add("b", "b", "a", "d")
                        .add("c", "c", "b")
                        .add("d", "d", "c")
                        .add("e", "e", "d")
                        .build())
                .isInstanceOf(PlanException.class)
                .hasMessage("plan has a dependency cycle: b -> d -> c -> b");
    }

    @Test
    void rejectsSelfDependencies() {
        assertThatThrownBy(() -> Plan.<String>builder().add("a", "a", "a").build())
                .isInstanceOf(PlanException.class)
                .hasMessage("plan has a dependency cycle: a -> a");
    }

    @Test
    void rejectsBlankIds() {
        assertThatThrownBy(() -> Plan.<String>builder().add(" ", "x"))
                .isInstanceOf(PlanException.class)
                .hasMessage("plan node id is blank");
    }

    @Test
    void emptyPlanRendersNothing() {
        Plan<String> plan = Plan.<String>builder().build();
        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.render()).isEmpty();
    }
}
