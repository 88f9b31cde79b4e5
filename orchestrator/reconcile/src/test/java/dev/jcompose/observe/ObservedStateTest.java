package dev.jcompose.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.JcomposeException;
import dev.jcompose.state.ContainerState;
import dev.jcompose.state.Health;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservedStateTest {
    private static ObservedContainer c(String name, String project, String service, int number, boolean oneOff) {
        return new ObservedContainer(
                name, project, service, number, oneOff, "h", null, ContainerState.RUNNING, 0, null);
    }

    @Test
    void labelKeysAreDockerComposes() {
        assertThat(Labels.PROJECT).isEqualTo("com.docker.compose.project");
        assertThat(Labels.SERVICE).isEqualTo("com.docker.compose.service");
        assertThat(Labels.CONTAINER_NUMBER).isEqualTo("com.docker.compose.container-number");
        assertThat(Labels.CONFIG_HASH).isEqualTo("com.docker.compose.config-hash");
        assertThat(Labels.ONEOFF).isEqualTo("com.docker.compose.oneoff");
        assertThat(Labels.IMAGE).isEqualTo("com.docker.compose.image");
        assertThat(Labels.NETWORK).isEqualTo("com.docker.compose.network");
        assertThat(Labels.VOLUME).isEqualTo("com.docker.compose.volume");
    }

    @Test
    void containerNames() {
        assertThat(Labels.containerName("shop", "web", null, 2)).isEqualTo("shop-web-2");
        assertThat(Labels.containerName("shop", "web", "", 1)).isEqualTo("shop-web-1");
        assertThat(Labels.containerName("shop", "web", "front", 1)).isEqualTo("front");
    }

    @Test
    void containerFromLabels() {
        ObservedContainer c = ObservedContainer.fromLabels(
                "shop-web-3",
                Map.of(
                        Labels.PROJECT,
                        "shop",
                        Labels.SERVICE,
                        "web",
                        Labels.CONTAINER_NUMBER,
                        "3",
                        Labels.CONFIG_HASH,
                        "abc",
                        Labels.ONEOFF,
                        "False"),
                "sha256:1",
                ContainerState.EXITED,
                2,
                null);
        assertThat(c)
                .isEqualTo(new ObservedContainer(
                        "shop-web-3",
                        "shop",
                        "web",
                        3,
                        false,
                        "abc",
                        "sha256:1",
                        ContainerState.EXITED,
                        2,
                        Health.NONE));
        ObservedContainer run = ObservedContainer.fromLabels(
                "shop-web-run-1",
                Map.of(Labels.ONEOFF, "True", Labels.CONTAINER_NUMBER, "x"),
                null,
                ContainerState.RUNNING,
                0,
                Health.HEALTHY);
        assertThat(run.oneOff()).isTrue();
        assertThat(run.number()).isZero();
        assertThat(run.project()).isNull();
        assertThat(ObservedContainer.fromLabels("n", Map.of(), null, ContainerState.CREATED, 0, null)
                        .number())
                .isZero();
    }

    @Test
    void networksAndVolumesFromLabels() {
        assertThat(ObservedNetwork.fromLabels(
                        "shop_back", Map.of(Labels.PROJECT, "shop", Labels.NETWORK, "back", Labels.CONFIG_HASH, "n1")))
                .isEqualTo(new ObservedNetwork("shop_back", "shop", "back", "n1"));
        assertThat(ObservedVolume.fromLabels("shop_data", Map.of(Labels.PROJECT, "shop", Labels.VOLUME, "data")))
                .isEqualTo(new ObservedVolume("shop_data", "shop", "data", null));
        assertThat(ObservedNetwork.fromLabels("bridge", Map.of()).project()).isNull();
    }

    @Test
    void stateIsSortedAndFiltersProjectContainers() {
        ObservedState s = new ObservedState(
                List.of(
                        c("shop-web-2", "shop", "web", 2, false),
                        c("shop-db-1", "shop", "db", 1, false),
                        c("shop-web-10", "shop", "web", 10, false),
                        c("shop-web-run-x", "shop", "web", 1, true),
                        c("blog-web-1", "blog", "web", 1, false)),
                null,
                null,
                null);
        assertThat(s.containers())
                .extracting(ObservedContainer::name)
                .containsExactly("blog-web-1", "shop-db-1", "shop-web-10", "shop-web-2", "shop-web-run-x");
        assertThat(s.projectContainers("shop"))
                .extracting(ObservedContainer::name)
                .containsExactly("shop-db-1", "shop-web-2", "shop-web-10");
        assertThat(s.serviceContainers("shop", "web"))
                .extracting(ObservedContainer::number)
                .containsExactly(2, 10);
        assertThat(s.networks()).isEmpty();
        assertThat(ObservedState.EMPTY.projectContainers("shop")).isEmpty();
    }

    @Test
    void imagesMatchWithTheImplicitLatestTag() {
        ObservedState s = new ObservedState(
                null,
                null,
                null,
                List.of(
                        new ObservedImage("nginx:latest", "sha256:n"),
                        new ObservedImage("localhost:5000/app", "sha256:a"),
                        new ObservedImage("redis@sha256:ff", "sha256:r")));
        assertThat(s.image("nginx")).map(ObservedImage::id).contains("sha256:n");
        assertThat(s.image("nginx:latest")).isPresent();
        assertThat(s.image("nginx:1.25")).isEmpty();
        assertThat(s.image("localhost:5000/app:latest")).map(ObservedImage::id).contains("sha256:a");
        assertThat(s.image("localhost:5000/app:2")).isEmpty();
        assertThat(s.image("redis@sha256:ff")).isPresent();
        assertThat(s.image("redis")).isEmpty();
    }

    @Test
    void statesAndHealthParse() {
        assertThat(ContainerState.parse("running")).isEqualTo(ContainerState.RUNNING);
        assertThat(ContainerState.parse("dead").text()).isEqualTo("dead");
        assertThat(ContainerState.RUNNING.isUp()).isTrue();
        assertThat(ContainerState.PAUSED.isUp()).isTrue();
        assertThat(ContainerState.EXITED.isUp()).isFalse();
        assertThat(ContainerState.CREATED.isUp()).isFalse();
        assertThat(Health.parse("unhealthy")).isEqualTo(Health.UNHEALTHY);
        assertThatThrownBy(() -> ContainerState.parse("zombie"))
                .isInstanceOf(JcomposeException.class)
                .hasMessage("unknown container state: zombie");
        assertThatThrownBy(() -> Health.parse("meh"))
                .isInstanceOf(JcomposeException.class)
                .hasMessage("unknown health status: meh");
    }
}
