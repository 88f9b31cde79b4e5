package dev.jcompose.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.JcomposeException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ContainerStateTest {
    @Test
    void statesAreDockersSetInDockersSpelling() {
        assertThat(Arrays.stream(ContainerState.values()).map(ContainerState::text))
                .containsExactly("created", "running", "paused", "restarting", "removing", "exited", "dead");
        for (ContainerState s : ContainerState.values()) {
            assertThat(ContainerState.parse(s.text())).isEqualTo(s);
        }
        assertThatThrownBy(() -> ContainerState.parse("RUNNING"))
                .isInstanceOf(JcomposeException.class)
                .hasMessage("unknown container state: RUNNING");
    }

    @Test
    void theRuntimeRemovesOnlyContainersThatDoNotRunAndRecordsNoStateAfterIt() {
        assertThat(ContainerState.CREATED.canGo(ContainerState.REMOVING)).isTrue();
        assertThat(ContainerState.EXITED.canGo(ContainerState.REMOVING)).isTrue();
        assertThat(ContainerState.RUNNING.canGo(ContainerState.REMOVING)).isFalse();
        assertThat(ContainerState.PAUSED.canGo(ContainerState.REMOVING)).isFalse();
        assertThat(ContainerState.EXITED.canGo(ContainerState.CREATED)).isTrue();
        for (ContainerState to : ContainerState.values()) {
            assertThat(ContainerState.REMOVING.canGo(to)).isFalse();
            assertThat(ContainerState.DEAD.canGo(to)).isFalse();
            assertThat(ContainerState.RESTARTING.canGo(to)).isFalse();
        }
    }

    @Test
    void upMeansProcessesAStopMustEnd() {
        assertThat(Arrays.stream(ContainerState.values()).filter(ContainerState::isUp))
                .containsExactly(ContainerState.RUNNING, ContainerState.PAUSED, ContainerState.RESTARTING);
    }

    @Test
    void healthIsShownEmptyWithoutACheckAndParsesEitherWay() {
        assertThat(Health.NONE.text()).isEqualTo("none");
        assertThat(Health.NONE.shown()).isEmpty();
        assertThat(Health.STARTING.shown()).isEqualTo("starting");
        assertThat(Health.parse("")).isEqualTo(Health.NONE);
        assertThat(Health.parse("none")).isEqualTo(Health.NONE);
        assertThat(Health.parse("unhealthy")).isEqualTo(Health.UNHEALTHY);
        assertThatThrownBy(() -> Health.parse("meh"))
                .isInstanceOf(JcomposeException.class)
                .hasMessage("unknown health status: meh");
    }
}
