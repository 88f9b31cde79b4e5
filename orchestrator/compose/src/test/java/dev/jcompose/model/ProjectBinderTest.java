package dev.jcompose.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.yaml.ComposeFileException;
import org.junit.jupiter.api.Test;

class ProjectBinderTest {
    private final ProjectBinder binder = new ProjectBinder();

    @Test
    void canonicalJsonTreeBindsToTheSameRecordsAsJacksonReading() {
        String json = ModelJsonTest.resource("/model/rich.json");
        Project fromTree = binder.bind(Trees.parse(json));
        Project fromText = ModelJson.read(json);
        assertThat(fromTree).isEqualTo(fromText);
        assertThat(ModelJson.write(fromTree)).isEqualTo(json);
    }

    @Test
    void yamlTreeBindsWithTypedScalars() {
        Project p = binder.bind(Trees.parse("""
                name: demo
                services:
                  web:
                    image: nginx
                    command: null
                    entrypoint: null
                    cpus: 0.25
                    mem_limit: "1048576"
                    stop_grace_period: 10s
                    ports:
                      - {mode: ingress, target: 80, published: "8080", protocol: tcp}
                    environment: {A: "1", B: null}
                x-meta: {owner: me}
                """));
        ServiceConfig web = p.services().get("web");
        assertThat(web.cpus()).isEqualTo(0.25f);
        assertThat(web.memLimit()).isEqualTo(1_048_576L);
        assertThat(web.stopGracePeriod()).hasSeconds(10);
        assertThat(web.ports().getFirst().target()).isEqualTo(80);
        assertThat(web.environment()).containsEntry("B", null);
        assertThat(p.extensions()).containsKey("x-meta");
    }

    @Test
    void bindingFailureNamesPathAndLocation() {
        assertThatThrownBy(() -> binder.bind(Trees.parse("""
                services:
                  web:
                    image: nginx
                    ports:
                      - target: eighty
                """)))
                .isInstanceOf(ComposeFileException.class)
                .hasMessageStartingWith(
                        "compose.yaml:5:17: services.web.ports[0].target: " + "the normalised model does not bind: ")
                .satisfies(e -> assertThat(((ComposeFileException) e).hint()).contains("jcompose bug"));
    }

    @Test
    void unknownFieldIsABindingFailureAtTheService() {
        assertThatThrownBy(() -> binder.bind(Trees.parse("""
                services:
                  web:
                    image: nginx
                    colour: blue
                """)))
                .isInstanceOf(ComposeFileException.class)
                .hasMessage(
                        "compose.yaml:4:5: services.web.colour: the normalised model does not bind: "
                                + "Cannot construct instance of `dev.jcompose.model.ServiceConfig`, problem: unknown field \"colour\"")
                .hasMessageContaining("colour");
    }

    @Test
    void badDurationIsReportedAtItsValue() {
        assertThatThrownBy(() -> binder.bind(Trees.parse("""
                services:
                  web:
                    image: nginx
                    healthcheck:
                      interval: often
                """)))
                .isInstanceOf(ComposeFileException.class)
                .hasMessageStartingWith("compose.yaml:5:17: services.web.healthcheck.interval: ");
    }
}
