package dev.jcompose.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.config.ServiceHash;
import dev.jcompose.model.DependencyCondition;
import dev.jcompose.model.ProjectBinder;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.model.ServiceDependency;
import dev.jcompose.model.Trees;
import dev.jcompose.state.ContainerState;
import dev.jcompose.state.Health;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependsOnLabelTest {
    private static final ServiceDependency STARTED =
            new ServiceDependency(DependencyCondition.SERVICE_STARTED, true, true);

    private static ServiceConfig client() {
        return new ProjectBinder().bind(Trees.parse("""
                name: p
                services:
                  client:
                    image: c
                    depends_on:
                      db: {condition: service_healthy, restart: true, required: true}
                      cache: {condition: service_healthy, required: false}
                      vpn: {condition: service_completed_successfully, required: true}
                    network_mode: service:vpn
                    volumes_from: [store:ro, "container:other"]
                    links: [auth:login]
                """)).services().get("client");
    }

    @Test
    void labelsAreComposesFormatSortedWithImplicitDependenciesAndTheOptionalOnes() {
        assertThat(DependsOnLabel.labels(client()))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                        "com.docker.compose.depends_on",
                        "auth:service_started:true,cache:service_healthy:false,"
                                + "db:service_healthy:true,store:service_started:true,vpn:service_completed_successfully:false",
                        "dev.jcompose.depends_on.optional",
                        "cache")));
    }

    @Test
    void aServiceWithoutDependenciesGetsAnEmptyLabelAsComposeWrites() {
        ServiceConfig alone = new ProjectBinder()
                .bind(Trees.parse("name: p\nservices:\n  a:\n    image: x\n"))
                .services()
                .get("a");
        assertThat(DependsOnLabel.labels(alone)).containsExactlyEntriesOf(Map.of(Labels.DEPENDS_ON, ""));
    }

    @Test
    void labelsReadBackToTheEffectiveDependencies() {
        ServiceConfig s = client();
        assertThat(DependsOnLabel.of(DependsOnLabel.labels(s)))
                .isEqualTo(DependsOnLabel.effective(s))
                .containsEntry("store", STARTED)
                .containsEntry("auth", STARTED)
                .containsEntry("cache", new ServiceDependency(DependencyCondition.SERVICE_HEALTHY, false, false));
    }

    @Test
    void theLabelsAreNotPartOfTheConfigHash() {
        ServiceConfig s = client();
        String before = ServiceHash.of(s);
        DependsOnLabel.labels(s);
        assertThat(ServiceHash.of(s))
                .isEqualTo(before)
                .isEqualTo(ServiceHash.of(
                        new ProjectBinder().bind(Trees.parse("""
                        name: p
                        services:
                          client:
                            image: c
                            network_mode: service:vpn
                            volumes_from: [store:ro, "container:other"]
                            links: [auth:login]
                        """)).services().get("client")));
    }

    @Test
    void olderAndForeignFormsReadAsComposeReadsThem() {
        assertThat(DependsOnLabel.parse(
                        "db,api:service_healthy, cache:service_started:false,,web:service_started:1", null))
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                        "api",
                        new ServiceDependency(DependencyCondition.SERVICE_HEALTHY, true, true),
                        "cache",
                        new ServiceDependency(DependencyCondition.SERVICE_STARTED, false, true),
                        "db",
                        STARTED,
                        "web",
                        STARTED)));
        assertThat(DependsOnLabel.parse("", "x")).isEmpty();
        assertThat(DependsOnLabel.parse(null, null)).isEmpty();
        assertThat(DependsOnLabel.parse("a:service_healthy:yes", "a").get("a"))
                .isEqualTo(new ServiceDependency(DependencyCondition.SERVICE_HEALTHY, false, false));
    }

    @Test
    void aConditionJcomposeDoesNotKnowReadsAsStartedAsTheWaitsTreatedIt() {
        assertThat(DependsOnLabel.parse("db:service_ready:false", null))
                .containsExactlyEntriesOf(
                        Map.of("db", new ServiceDependency(DependencyCondition.SERVICE_STARTED, false, true)));
    }

    @Test
    void observedContainersCarryTheirDependencies() {
        ObservedContainer c = ObservedContainer.fromLabels(
                "p-web-1",
                Map.of(Labels.PROJECT, "p", Labels.SERVICE, "web", Labels.DEPENDS_ON, "api:service_started:false"),
                null,
                ContainerState.RUNNING,
                0,
                null);
        assertThat(c.dependsOn())
                .containsExactlyEntriesOf(
                        Map.of("api", new ServiceDependency(DependencyCondition.SERVICE_STARTED, false, true)));
        assertThat(c.withState(ContainerState.EXITED, 137))
                .isEqualTo(new ObservedContainer(
                        "p-web-1",
                        "p",
                        "web",
                        0,
                        false,
                        null,
                        null,
                        ContainerState.EXITED,
                        137,
                        Health.NONE,
                        c.dependsOn()));
    }
}
