package dev.jcompose.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.model.ModelJson;
import dev.jcompose.model.Project;
import dev.jcompose.model.ServiceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceHashTest {
    private static final String BASE = """
            {"name": "h", "services": {"web": {
              "command": ["run"],
              "entrypoint": null,
              "image": "nginx:1.25",
              "environment": {"A": "1"},
              "ports": [{"mode": "ingress", "target": 80, "published": "8080", "protocol": "tcp"}]
              %s
            }}}""";

    private static ServiceConfig web(String extra) {
        Project p = ModelJson.read(BASE.formatted(extra.isEmpty() ? "" : "," + extra));
        return p.services().get("web");
    }

    @Test
    void hashIsSha256OfCompactComposeJson() {
        ServiceConfig s = web("");
        String text = ServiceHash.hashedJson(s);
        assertThat(text)
                .isEqualTo("{\"command\":[\"run\"],\"entrypoint\":null,\"environment\":{\"A\":\"1\"},"
                        + "\"image\":\"nginx:1.25\",\"ports\":[{\"mode\":\"ingress\",\"target\":80,\"published\":\"8080\","
                        + "\"protocol\":\"tcp\"}]}");
        assertThat(ServiceHash.of(s))
                .isEqualTo(ServiceHash.sha256(text))
                .hasSize(64)
                .matches("[0-9a-f]{64}");
        assertThat(ServiceHash.sha256(""))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void sameConfigSameHash() {
        assertThat(ServiceHash.of(web(""))).isEqualTo(ServiceHash.of(web("")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"build\": {\"context\": \"/src\"}",
                "\"pull_policy\": \"always\"",
                "\"scale\": 3",
                "\"depends_on\": {\"db\": {\"condition\": \"service_started\", \"required\": true}}",
                "\"profiles\": [\"debug\"]",
                "\"x-note\": \"extensions are not in compose's JSON\"",
            })
    void excludedFieldsDoNotChangeTheHash(String extra) {
        assertThat(ServiceHash.of(web(extra))).isEqualTo(ServiceHash.of(web("")));
    }

    @Test
    void replicasAreExcludedButTheRestOfDeployIsNot() {
        String withReplicas =
                ServiceHash.of(web("\"deploy\": {\"replicas\": 2, \"resources\": {}, \"placement\": {}}"));
        String withoutReplicas = ServiceHash.of(web("\"deploy\": {\"resources\": {}, \"placement\": {}}"));
        String withLimits = ServiceHash.of(web("\"deploy\": {\"replicas\": 2, \"resources\": "
                + "{\"limits\": {\"memory\": \"1024\"}}, \"placement\": {}}"));
        assertThat(withReplicas).isEqualTo(withoutReplicas);
        assertThat(withLimits).isNotEqualTo(withReplicas);
        assertThat(withReplicas).isNotEqualTo(ServiceHash.of(web("")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"restart\": \"always\"",
                "\"user\": \"1000\"",
                "\"labels\": {\"a\": \"b\"}",
                "\"networks\": {\"default\": null}",
                "\"stop_grace_period\": \"30s\"",
                "\"privileged\": true",
                "\"init\": false",
            })
    void relevantFieldsChangeTheHash(String extra) {
        assertThat(ServiceHash.of(web(extra))).isNotEqualTo(ServiceHash.of(web("")));
    }

    @Test
    void commandNullAndEmptyHashDifferently() {
        ServiceConfig nul = ModelJson.read("{\"services\": {\"a\": {\"image\": \"x\"}}}")
                .services()
                .get("a");
        ServiceConfig empty = ModelJson.read("{\"services\": {\"a\": {\"image\": \"x\", \"command\": []}}}")
                .services()
                .get("a");
        assertThat(ServiceHash.of(nul)).isNotEqualTo(ServiceHash.of(empty));
    }
}
