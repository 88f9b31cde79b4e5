package dev.jcompose.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelJsonTest {
    static String resource(String name) {
        try (InputStream in = ModelJsonTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Project rich() {
        return ModelJson.read(resource("/model/rich.json"));
    }

    @Test
    void richProjectRoundTripsByteForByte() {
        String json = resource("/model/rich.json");
        assertThat(ModelJson.write(ModelJson.read(json))).isEqualTo(json);
    }

    @Test
    void minimalProjectRoundTrips() {
        String json = """
                {
                  "name": "p",
                  "services": {
                    "a": {
                      "command": [],
                      "entrypoint": null,
                      "image": "busybox"
                    }
                  }
                }""";
        assertThat(ModelJson.write(ModelJson.read(json))).isEqualTo(json);
    }

    @Test
    void createHostPathRoundTripsInBothComposeGenerations() {
        String json = """
                {
                  "name": "p",
                  "services": {
                    "a": {
                      "command": null,
                      "entrypoint": null,
                      "image": "busybox",
                      "volumes": [
                        {
                          "type": "bind",
                          "source": "/a",
                          "target": "/a",
                          "bind": {
                            "create_host_path": true
                          }
                        },
                        {
                          "type": "bind",
                          "source": "/b",
                          "target": "/b",
                          "bind": {}
                        }
                      ]
                    }
                  }
                }""";
        Project p = ModelJson.read(json);
        assertThat(ModelJson.write(p)).isEqualTo(json);
        assertThat(p.services().get("a").volumes()).allMatch(v -> v.bind().createsHostPath());
    }

    @Test
    void emptyProjectStillWritesNameAndServices() {
        Project p = ModelJson.read("{}");
        assertThat(ModelJson.write(p)).isEqualTo("{\n  \"name\": \"\",\n  \"services\": {}\n}");
    }

    @Test
    void recordsGiveTypedValues() {
        Project p = rich();
        ServiceConfig db = p.services().get("db");
        ServiceConfig web = p.services().get("web");
        assertThat(p.name()).isEqualTo("shop");
        assertThat(p.services().keySet()).containsExactly("db", "web");
        assertThat(db.stopGracePeriod()).isEqualTo(Duration.ofMinutes(1));
        assertThat(db.shmSize()).isEqualTo(268_435_456L);
        assertThat(db.healthcheck().interval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(db.healthcheck().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(db.healthcheck().startPeriod()).isEqualTo(Duration.ofMillis(500));
        assertThat(db.healthcheck().startInterval()).isNull();
        assertThat(db.healthcheck().retries()).isEqualTo(5L);
        assertThat(db.healthcheck().test()).containsExactly("CMD-SHELL", "pg_isready -U postgres");
        assertThat(db.healthcheck().disabled()).isFalse();
        assertThat(db.ulimits().get("nproc")).isEqualTo(new Ulimit(65535, 0, 0));
        assertThat(db.ulimits().get("nofile").effectiveSoft()).isEqualTo(20000);
        assertThat(db.ulimits().get("nofile").effectiveHard()).isEqualTo(40000);
        assertThat(db.ulimits().get("nproc").effectiveHard()).isEqualTo(65535);
        assertThat(db.secrets().getFirst().mode()).isEqualTo(0440);
        assertThat(db.command()).isNull();
        assertThat(db.networks().get("back").ipv4Address()).isEqualTo("172.28.5.10");
        assertThat(db.volumes().getFirst().isNamedVolume()).isTrue();
        assertThat(db.volumes().getFirst().volume().nocopy()).isTrue();

        assertThat(web.command()).containsExactly("nginx", "-g", "daemon off;");
        assertThat(web.entrypoint()).isEmpty();
        assertThat(web.memLimit()).isEqualTo(536_870_912L);
        assertThat(web.cpus()).isEqualTo(1.5f);
        assertThat(web.environment())
                .containsEntry("UNSET", null)
                .containsEntry("EMPTY", "")
                .containsEntry("HTML", "<b>&amp;</b>");
        assertThat(web.dependsOn().get("db"))
                .isEqualTo(new ServiceDependency(DependencyCondition.SERVICE_HEALTHY, false, false));
        assertThat(web.dependsOn().get("api").restart()).isTrue();
        assertThat(web.networks()).containsEntry("back", null);
        assertThat(web.networksByPriority()).containsExactly("default", "back");
        assertThat(web.ports().get(0))
                .isEqualTo(new ServicePort(null, "ingress", "127.0.0.1", 80, "8080", "tcp", null));
        assertThat(web.ports().get(1).appProtocol()).isEqualTo("http");
        assertThat(web.deploy().resources().limits().memory()).isEqualTo(536_870_912L);
        assertThat(web.deploy().resources().limits().cpus()).isEqualTo(0.5f);
        assertThat(web.deploy().resources().reservations().memory()).isEqualTo(134_217_728L);
        assertThat(web.deploy().restartPolicy().window()).isEqualTo(Duration.ofMinutes(2));
        assertThat(web.deploy().restartPolicy().maxAttempts()).isEqualTo(3L);
        assertThat(web.volumes().get(0).bind().createsHostPath()).isFalse();
        assertThat(new ServiceVolume.Bind(null, null, null, null).createsHostPath())
                .isTrue();
        assertThat(web.volumes().get(1).tmpfs().size()).isEqualTo(67_108_864L);
        assertThat(web.volumes().get(2).isNamedVolume()).isFalse();
        assertThat(web.init()).isFalse();
        assertThat(web.privileged()).isTrue();
        assertThat(web.build().args()).containsEntry("NO_VALUE", null);
        assertThat(web.extensions()).containsEntry("x-shop-owner", "team-web");
        assertThat(web.effectiveScale()).isEqualTo(1);
        assertThat(p.extensions()).containsEntry("x-shop-version", 3);
        assertThat(p.networks().get("outside").external()).isTrue();
        assertThat(p.networks().get("default").ipam()).isEqualTo(NetworkConfig.Ipam.NONE);
        assertThat(p.networks().get("back").ipam().config().getFirst().auxAddresses())
                .containsEntry("host1", "172.28.1.5");
        assertThat(p.networks().get("back").enableIpv6()).isFalse();
        assertThat(p.secrets().get("token").environment()).isEqualTo("API_TOKEN");
        assertThat(p.profiles()).containsExactly("frontend");
    }

    @Test
    void implicitDependenciesComeFromLinksVolumesFromAndNetworkMode() {
        Project p = rich();
        assertThat(p.dependencies().get("web")).containsExactly("api", "db");
        assertThat(p.dependencies().get("db")).isEmpty();
        assertThat(References.volumesFromService("service:db:rw")).contains("db");
        assertThat(References.volumesFromService("db")).contains("db");
        assertThat(References.volumesFromService("container:legacy")).isEmpty();
        assertThat(References.networkModeService("service:vpn")).contains("vpn");
        assertThat(References.networkModeService("host")).isEmpty();
        assertThat(References.linkService("api:backend")).isEqualTo("api");
    }

    @Test
    void composeViewDropsNestedExtensionsButKeepsTopLevelOnes() {
        Project p = rich();
        assertThat(ModelJson.composeTree(p).path("services").path("web").has("x-shop-owner"))
                .isFalse();
        assertThat(ModelJson.composeTree(p).path("x-shop-version").asInt()).isEqualTo(3);
        assertThat(ModelJson.fullTree(p)
                        .path("services")
                        .path("web")
                        .path("x-shop-owner")
                        .asText())
                .isEqualTo("team-web");
    }

    @Test
    void scaleFallsBackToReplicasThenOne() {
        Project p = ModelJson.read("""
                {"services": {
                  "a": {"image": "x", "deploy": {"replicas": 3, "resources": {}, "placement": {}}},
                  "b": {"image": "x", "scale": 2},
                  "c": {"image": "x"}}}""");
        assertThat(p.services().get("a").effectiveScale()).isEqualTo(3);
        assertThat(p.services().get("b").effectiveScale()).isEqualTo(2);
        assertThat(p.services().get("c").effectiveScale()).isEqualTo(1);
    }

    @Test
    void unknownFieldsAndNonExtensionKeysAreRejected() {
        assertThatThrownBy(() -> ModelJson.read("{\"services\": {\"a\": {\"imagee\": \"x\"}}}"))
                .isInstanceOf(dev.jcompose.JcomposeException.class)
                .hasMessageContaining("imagee");
        assertThatThrownBy(() -> ModelJson.read("{\"services\": {\"a\": {\"stop_grace_period\": \"soon\"}}}"))
                .isInstanceOf(dev.jcompose.JcomposeException.class)
                .hasMessageContaining("invalid duration \"soon\"");
    }

    @Test
    void collectionsAreImmutable() {
        ServiceConfig web = rich().services().get("web");
        assertThatThrownBy(() -> web.ports().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> web.environment().put("A", "b")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ulimitJsonShapes() {
        ObjectNode pair = JsonNodeFactory.instance.objectNode().put("soft", 1).put("hard", 2);
        assertThat(Ulimit.fromJson(pair)).isEqualTo(new Ulimit(0, 1, 2));
        assertThat(Ulimit.fromJson(JsonNodeFactory.instance.numberNode(7))).isEqualTo(new Ulimit(7, 0, 0));
        assertThat(new Ulimit(7, 0, 0).toJson()).isEqualTo(7L);
        assertThat(new Ulimit(0, 0, 5).toJson().toString()).isEqualTo("{hard=5}");
    }

    @Test
    void fileModesAreOctalStrings() {
        assertThat(FileMode.format(0440)).isEqualTo("0440");
        assertThat(FileMode.format(0)).isEqualTo("00");
        assertThat(List.of(FileMode.format(0755), FileMode.format(01777))).containsExactly("0755", "01777");
    }
}
