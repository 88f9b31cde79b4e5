package dev.jcompose.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.model.ModelJson;
import dev.jcompose.model.Project;
import org.junit.jupiter.api.Test;

class ResourceHashTest {
    private static Project project(String networks, String volumes) {
        return ModelJson.read("{\"services\": {}, \"networks\": {" + networks + "}, \"volumes\": {" + volumes + "}}");
    }

    @Test
    void volumeWithoutDriverHashesAsLocal() {
        Project p = project(
                "",
                "\"a\": {\"name\": \"p_a\"}, \"b\": {\"name\": \"p_a\", \"driver\": \"local\"}, "
                        + "\"c\": {\"name\": \"p_a\", \"driver\": \"nfs\"}, \"d\": {\"labels\": {\"x\": \"y\"}}");
        assertThat(ResourceHash.volumeJson(p.volumes().get("a"))).isEqualTo("{\"name\":\"p_a\",\"driver\":\"local\"}");
        assertThat(ResourceHash.volume(p.volumes().get("a")))
                .isEqualTo(ResourceHash.volume(p.volumes().get("b")));
        assertThat(ResourceHash.volume(p.volumes().get("c")))
                .isNotEqualTo(ResourceHash.volume(p.volumes().get("b")));
        assertThat(ResourceHash.volumeJson(p.volumes().get("d")))
                .isEqualTo("{\"driver\":\"local\",\"labels\":{\"x\":\"y\"}}");
    }

    @Test
    void networkHashCoversTheWholeDefinition() {
        Project p = project(
                "\"a\": {\"name\": \"p_a\", \"ipam\": {}}, \"b\": {\"name\": \"p_a\", \"ipam\": {}}, "
                        + "\"c\": {\"name\": \"p_a\", \"ipam\": {}, \"internal\": true}",
                "");
        assertThat(ResourceHash.network(p.networks().get("a")))
                .isEqualTo(ResourceHash.network(p.networks().get("b")))
                .isEqualTo(ServiceHash.sha256("{\"name\":\"p_a\",\"ipam\":{}}"));
        assertThat(ResourceHash.network(p.networks().get("c")))
                .isNotEqualTo(ResourceHash.network(p.networks().get("a")));
    }
}
