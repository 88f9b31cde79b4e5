package dev.jcompose.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopLevelTest {
    private final Fixture fx = new Fixture();

    @Test
    void minimalProjectGetsTheDefaultNetwork() {
        assertThat(fx.json("services:\n  web:\n    image: alpine\n"))
                .isEqualTo("{\"name\":\"proj\",\"services\":{\"web\":"
                        + "{\"command\":null,\"entrypoint\":null,\"image\":\"alpine\",\"networks\":{\"default\":null}}},"
                        + "\"networks\":{\"default\":{\"name\":\"proj_default\",\"ipam\":{}}}}");
    }

    @Test
    void servicesAreSortedAndProjectNameComesFromTheContext() {
        assertThat(fx.json("name: other\nversion: \"3.8\"\nservices:\n  b:\n    image: b\n    network_mode: host\n"
                        + "  a:\n    image: a\n    network_mode: none\nx-common: {a: 1}\n"))
                .isEqualTo(
                        "{\"name\":\"proj\",\"services\":{\"a\":{\"command\":null,\"entrypoint\":null,\"image\":\"a\","
                                + "\"network_mode\":\"none\"},\"b\":{\"command\":null,\"entrypoint\":null,\"image\":\"b\","
                                + "\"network_mode\":\"host\"}},\"x-common\":{\"a\":1}}");
        assertThat(fx.warnings)
                .containsExactly("compose.yaml:2:1: the attribute `version` is obsolete, it will be "
                        + "ignored, please remove it to avoid potential confusion");
    }

    @Test
    void emptyServicesAndNullSections() {
        assertThat(fx.json("services: {}\nnetworks:\nvolumes: {}\n"))
                .isEqualTo("{\"name\":\"proj\",\"services\":{},\"volumes\":{}}");
        assertThat(fx.json("x-only: true\n")).isEqualTo("{\"name\":\"proj\",\"services\":{},\"x-only\":true}");
    }

    @Test
    void networks() {
        String yaml = """
                services:
                  web:
                    image: alpine
                    networks: [front]
                networks:
                  front:
                    driver: bridge
                    internal: true
                    driver_opts: {com.docker.network.bridge.name: br0}
                    ipam:
                      driver: default
                      config:
                        - subnet: 172.28.0.0/16
                          gateway: 172.28.0.1
                          ip_range: 172.28.5.0/24
                          aux_addresses: {host1: 172.28.1.5}
                    labels: [a=b]
                    enable_ipv6: false
                    attachable: false
                  ext:
                    external: true
                  legacy:
                    external: {name: real}
                  named:
                    name: custom
                  empty:
                """;
        assertThat(TreeJsonOf.section(fx.project(yaml), "networks"))
                .isEqualTo("{"
                        + "\"empty\":{\"name\":\"proj_empty\",\"ipam\":{}},"
                        + "\"ext\":{\"name\":\"ext\",\"ipam\":{},\"external\":true},"
                        + "\"front\":{\"name\":\"proj_front\",\"driver\":\"bridge\",\"driver_opts\":{\"com.docker.network.bridge.name\":\"br0\"},"
                        + "\"ipam\":{\"driver\":\"default\",\"config\":[{\"subnet\":\"172.28.0.0/16\",\"gateway\":\"172.28.0.1\","
                        + "\"ip_range\":\"172.28.5.0/24\",\"aux_addresses\":{\"host1\":\"172.28.1.5\"}}]},\"internal\":true,"
                        + "\"labels\":{\"a\":\"b\"},\"enable_ipv6\":false},"
                        + "\"legacy\":{\"name\":\"real\",\"ipam\":{},\"external\":true},"
                        + "\"named\":{\"name\":\"custom\",\"ipam\":{}}}");
        assertThat(fx.warnings)
                .containsExactly("compose.yaml:23:15: networks.legacy.external.name: is deprecated, use name instead");
    }

    @Test
    void explicitDefaultNetworkKeepsItsSettings() {
        assertThat(TreeJsonOf.section(
                        fx.project(
                                "services:\n  web:\n    image: a\nnetworks:\n  default:\n    driver_opts: {mtu: 1400}\n"),
                        "networks"))
                .isEqualTo("{\"default\":{\"name\":\"proj_default\",\"driver_opts\":{\"mtu\":\"1400\"},\"ipam\":{}}}");
    }

    @Test
    void volumesSecretsConfigs() {
        String yaml = """
                services: {}
                volumes:
                  data: {}
                  ext: {external: true}
                  named: {name: custom, driver: local, driver_opts: {type: tmpfs, device: tmpfs}, labels: {a: b}}
                secrets:
                  db: {file: ./db.txt}
                  env: {environment: FOO}
                  ext: {external: true}
                configs:
                  c: {content: hello}
                  f: {file: /etc/x.conf, labels: [k=v]}
                """;
        var project = fx.project(yaml);
        assertThat(TreeJsonOf.section(project, "volumes"))
                .isEqualTo("{\"data\":{\"name\":\"proj_data\"},"
                        + "\"ext\":{\"name\":\"ext\",\"external\":true},\"named\":{\"name\":\"custom\",\"driver\":\"local\","
                        + "\"driver_opts\":{\"device\":\"tmpfs\",\"type\":\"tmpfs\"},\"labels\":{\"a\":\"b\"}}}");
        assertThat(TreeJsonOf.section(project, "secrets"))
                .isEqualTo(
                        "{\"db\":{\"name\":\"proj_db\",\"file\":\"/work/proj/db.txt\"},"
                                + "\"env\":{\"name\":\"proj_env\",\"environment\":\"FOO\"},\"ext\":{\"name\":\"ext\",\"external\":true}}");
        assertThat(TreeJsonOf.section(project, "configs"))
                .isEqualTo("{\"c\":{\"name\":\"proj_c\",\"content\":\"hello\"},"
                        + "\"f\":{\"name\":\"proj_f\",\"file\":\"/etc/x.conf\",\"labels\":{\"k\":\"v\"}}}");
    }

    @Test
    void canonicalNodesKeepTheirSourceLocations() {
        var project = fx.project("services:\n  web:\n    image: alpine\n    ports: [\"8080:80\"]\n");
        var web = (dev.jcompose.yaml.MapNode)
                ((dev.jcompose.yaml.MapNode) project.get("services").orElseThrow())
                        .get("web")
                        .orElseThrow();
        var port = (dev.jcompose.yaml.MapNode)
                ((dev.jcompose.yaml.SeqNode) web.get("ports").orElseThrow()).get(0);
        assertThat(port.get("target").orElseThrow().location()).hasToString("compose.yaml:4:13");
        assertThat(web.field("ports").orElseThrow().keyLocation()).hasToString("compose.yaml:4:5");
        assertThat(web.get("networks").orElseThrow().location()).hasToString("compose.yaml:3:5");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " => ",
            value = {
                "'service:\n  web: {image: a}' => compose.yaml:1:1: additional property 'service' is not allowed | did you mean 'services'?",
                "'services: []' => compose.yaml:1:11: services: must be a mapping | found a sequence",
                "'services:\n  web: alpine' => compose.yaml:2:8: services.web: must be a mapping | found a string",
                "'services:\n  we b: {image: a}' => compose.yaml:2:3: services: service name 'we b' does not match [a-zA-Z0-9._-]+ | use letters, digits, '.', '_' and '-'",
                "'include: [a.yaml]' => compose.yaml:1:1: include: include was not resolved before normalisation | this is a jcompose bug: please report it",
                "'secrets:\n  s: {labels: {a: b}}' => compose.yaml:2:6: secrets.s: secret \"s\" must declare either `file` or `environment` | e.g. file: ./s.txt",
                "'configs:\n  c: {}' => compose.yaml:2:6: configs.c: config \"c\" must declare either `file`, `environment` or `content` | e.g. file: ./c.txt",
                "'secrets:\n  s: {content: x}' => compose.yaml:2:7: secrets.s: additional property 'content' is not allowed",
                "'secrets:\n  s: {file: a, driver: vault}' => compose.yaml:2:16: secrets.s.driver: not supported by jcompose: driver needs a swarm secret store | use file, environment",
                "'networks:\n  n: {external: true, driver: overlay}' => compose.yaml:2:23: networks.n: conflicting parameters \"external\" and \"driver\" specified for network \"n\" | an external network is created outside compose: remove driver",
                "'volumes:\n  v: {external: true, driver_opts: {a: b}}' => compose.yaml:2:23: volumes.v: conflicting parameters \"external\" and \"driver_opts\" specified for volume \"v\" | an external volume is created outside compose: remove driver_opts",
                "'networks:\n  n: {drivr: bridge}' => compose.yaml:2:7: networks.n: additional property 'drivr' is not allowed | did you mean 'driver'?",
                "'networks:\n  n: {ipam: {config: [{subnet: 10.0.0.0/8, gw: 10.0.0.1}]}}' => compose.yaml:2:44: networks.n.ipam.config[0]: additional property 'gw' is not allowed",
                "'networks:\n  n: {internal: sometimes}' => compose.yaml:2:17: networks.n.internal: must be a boolean | found a string",
                "'volumes:\n  v: [a]' => compose.yaml:2:6: volumes.v: must be a mapping | found a sequence",
                "'services:\n  web:\n    image: a\n    network_mode: host\n    networks: [x]' => compose.yaml:5:5: services.web: service web declares mutually exclusive `network_mode` and `networks` | keep only one of them",
            })
    void errors(String yaml, String message) {
        assertThat(fx.error(yaml)).isEqualTo(message);
    }
}
