package dev.jcompose.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The withX methods change one field and nothing else: as editing the service's JSON did. */
class ServiceConfigWithTest {
    private static JsonNode json(String text) {
        try {
            return ModelJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code service} with {@code field} set (or removed, for {@code null}) in its JSON and bound again. */
    private static ServiceConfig viaJson(ServiceConfig service, String field, String value) {
        ObjectNode tree = (ObjectNode) ModelJson.fullTree(service);
        if (value == null) {
            tree.remove(field);
        } else {
            tree.set(field, json(value));
        }
        try {
            return ModelJson.mapper().treeToValue(tree, ServiceConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void eachWithReplacesItsFieldAsTheJsonEditDid() {
        for (ServiceConfig s : ModelJsonTest.rich().services().values()) {
            assertThat(s.withLabels(Map.of("b", "2", "a", "1")))
                    .isEqualTo(viaJson(s, "labels", "{\"a\":\"1\",\"b\":\"2\"}"));
            assertThat(s.withEnvironment(Map.of("A", "1"))).isEqualTo(viaJson(s, "environment", "{\"A\":\"1\"}"));
            assertThat(s.withCommand(List.of("sh", "-c", "true")))
                    .isEqualTo(viaJson(s, "command", "[\"sh\",\"-c\",\"true\"]"));
            assertThat(s.withEntrypoint(List.of())).isEqualTo(viaJson(s, "entrypoint", "[]"));
            assertThat(s.withPorts(List.of(new ServicePort(null, "ingress", "127.0.0.1", 90, "9090", "udp", null))))
                    .isEqualTo(viaJson(
                            s,
                            "ports",
                            "[{\"mode\":\"ingress\",\"host_ip\":\"127.0.0.1\",\"target\":90,"
                                    + "\"published\":\"9090\",\"protocol\":\"udp\"}]"));
            assertThat(s.withPorts(List.of())).isEqualTo(viaJson(s, "ports", null));
            assertThat(s.withWorkingDir("/tmp")).isEqualTo(viaJson(s, "working_dir", "\"/tmp\""));
            assertThat(s.withUser("nobody")).isEqualTo(viaJson(s, "user", "\"nobody\""));
            assertThat(s.withStdinOpen(true).withTty(false))
                    .isEqualTo(viaJson(viaJson(s, "stdin_open", "true"), "tty", "false"));
            assertThat(s.withRestart(null)).isEqualTo(viaJson(s, "restart", null));
            assertThat(s.withContainerName(null)).isEqualTo(viaJson(s, "container_name", null));
            assertThat(s.withScale(3)).isEqualTo(viaJson(s, "scale", "3"));
            assertThat(s.withDependsOn(
                            Map.of("db", new ServiceDependency(DependencyCondition.SERVICE_HEALTHY, true, false))))
                    .isEqualTo(viaJson(
                            s,
                            "depends_on",
                            "{\"db\":{\"condition\":\"service_healthy\",\"restart\":true,\"required\":false}}"));
        }
    }

    @Test
    void mapsStaySortedAndTheRecordImmutable() {
        ServiceConfig s = ServiceConfig.EMPTY.withLabels(new java.util.HashMap<>(Map.of("b", "2", "a", "1")));
        assertThat(s.labels().keySet()).containsExactly("a", "b");
        assertThatThrownBy(() -> s.labels().put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(ServiceConfig.EMPTY.labels()).isEmpty();
    }

    @Test
    void emptyIsAServiceWithNothingSet() {
        assertThat(ServiceConfig.EMPTY)
                .isEqualTo(
                        ModelJson.read("{\"services\": {\"a\": {}}}").services().get("a"));
        assertThat(ModelJson.write(ModelJson.read("{\"name\": \"p\"}").withService("a", ServiceConfig.EMPTY)))
                .isEqualTo("{\n  \"name\": \"p\",\n  \"services\": {\n    \"a\": {\n      \"command\": null,\n"
                        + "      \"entrypoint\": null\n    }\n  }\n}");
    }

    @Test
    void resourcesKnownByNameAreThoseOfTheirJson() {
        Project p = ModelJson.read(
                "{\"networks\": {\"n\": {\"name\": \"p_n\"}}, \"volumes\": {\"v\": {\"name\": \"p_v\"}}}");
        assertThat(NetworkConfig.named("p_n")).isEqualTo(p.networks().get("n"));
        assertThat(VolumeConfig.named("p_v")).isEqualTo(p.volumes().get("v"));
    }

    @Test
    void projectWithServiceReplacesOneAndKeepsTheRest() {
        Project rich = ModelJsonTest.rich();
        String first = rich.services().firstKey();
        Project edited = rich.withService(first, ServiceConfig.EMPTY.withScale(2));
        assertThat(edited.services().get(first).scale()).isEqualTo(2);
        assertThat(edited.services().keySet())
                .containsExactlyElementsOf(rich.services().keySet());
        assertThat(edited.withService(first, rich.services().get(first))).isEqualTo(rich);
        assertThat(rich.withService("zz", ServiceConfig.EMPTY).services().lastKey())
                .isEqualTo("zz");
    }

    @Test
    void anUnknownComponentIsAModelBug() {
        assertThatThrownBy(() -> RecordCopy.with(ServiceConfig.EMPTY, "labelz", Map.of()))
                .hasMessage("model bug: ServiceConfig has no component labelz");
    }
}
