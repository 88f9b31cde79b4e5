package dev.jcompose.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.model.DependencyCondition;
import dev.jcompose.model.Project;
import dev.jcompose.model.ServiceDependency;
import dev.jcompose.observe.Labels;
import dev.jcompose.observe.ObservedContainer;
import dev.jcompose.observe.ObservedNetwork;
import dev.jcompose.observe.ObservedState;
import dev.jcompose.observe.ObservedVolume;
import dev.jcompose.state.ContainerState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelledProjectTest {
    private static ObservedContainer c(String project, String service, int number, String dependsOn, boolean oneOff) {
        Map<String, String> labels = new HashMap<>(Map.of(
                Labels.PROJECT,
                project,
                Labels.SERVICE,
                service,
                Labels.CONTAINER_NUMBER,
                Integer.toString(number),
                Labels.ONEOFF,
                oneOff ? "True" : "False"));
        if (dependsOn != null) {
            labels.put(Labels.DEPENDS_ON, dependsOn);
        }
        return ObservedContainer.fromLabels(
                project + "-" + service + "-" + number, labels, null, ContainerState.RUNNING, 0, null);
    }

    @Test
    void servicesDependenciesScaleNetworksAndVolumesComeFromWhatTheProjectMade() {
        ObservedState observed = new ObservedState(
                List.of(
                        c("shop", "web", 1, "api:service_started:false", false),
                        c("shop", "web", 2, "api:service_started:false", false),
                        c("shop", "api", 1, "db:service_healthy:true", false),
                        c("shop", "db", 1, "", false),
                        c("shop", "tool", 1, "db:service_started:true", true),
                        c("other", "web", 1, "x:service_started:true", false)),
                List.of(
                        new ObservedNetwork("shop_default", "shop", "default", "n"),
                        new ObservedNetwork("corp", null, null, null)),
                List.of(
                        new ObservedVolume("shop_data", "shop", "data", null),
                        new ObservedVolume("o_v", "other", "v", null)),
                List.of());
        Project p = LabelledProject.of("shop", observed);
        assertThat(p.services()).containsOnlyKeys("api", "db", "web");
        assertThat(p.services().get("web").effectiveScale()).isEqualTo(2);
        assertThat(p.services().get("api").dependsOn())
                .containsExactlyEntriesOf(
                        Map.of("db", new ServiceDependency(DependencyCondition.SERVICE_HEALTHY, true, true)));
        assertThat(p.networks()).containsOnlyKeys("default");
        assertThat(p.networks().get("default").name()).isEqualTo("shop_default");
        assertThat(p.volumes()).containsOnlyKeys("data");
        assertThat(p.volumes().get("data").name()).isEqualTo("shop_data");
        DesiredProject desired = LabelledProject.desired("shop", observed);
        assertThat(desired.graph().stopOrder()).containsExactly("web", "api", "db");
        assertThat(desired.disabled()).containsExactly("tool");
    }

    @Test
    void aCycleOfStaleLabelsIsBrokenAtItsSmallestService() {
        ObservedState observed = new ObservedState(
                List.of(
                        c("p", "a", 1, "b:service_started:true", false),
                        c("p", "b", 1, "c:service_started:true", false),
                        c("p", "c", 1, "a:service_started:true,c:service_started:true", false)),
                List.of(),
                List.of(),
                List.of());
        assertThat(LabelledProject.desired("p", observed).graph().asMap()).hasToString("{a=[], b=[c], c=[a]}");
    }

    @Test
    void anUnknownProjectHasNothing() {
        Project p = LabelledProject.of("none", ObservedState.EMPTY);
        assertThat(p.services()).isEmpty();
        assertThat(Planner.plan(DesiredProject.of(p), ObservedState.EMPTY, PlanOptions.stop())
                        .isEmpty())
                .isTrue();
        assertThat(Planner.plan(DesiredProject.of(p), ObservedState.EMPTY, PlanOptions.start())
                        .isEmpty())
                .isTrue();
    }
}
