package dev.jcompose.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.ExitCode;
import dev.jcompose.yaml.ComposeFileException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectValidatorTest {
    private final ProjectValidator validator = new ProjectValidator();

    private List<String> messages(String yaml) {
        return validator.problems(Trees.parse(yaml)).stream()
                .map(ComposeFileException::getMessage)
                .toList();
    }

    @Test
    void consistentProjectPasses() {
        String yaml = """
                services:
                  web:
                    image: nginx
                    depends_on:
                      db: {condition: service_healthy, required: true}
                    networks: {front: null}
                    volumes:
                      - {type: volume, source: data, target: /data}
                      - {type: volume, target: /anon}
                      - {type: bind, source: /srv, target: /srv}
                    secrets: [{source: pw, target: /run/secrets/pw}]
                    configs: [{source: conf, target: /conf}]
                    links: ["db:database"]
                    volumes_from: ["db:ro", "container:other"]
                  db:
                    build: {context: /src}
                    network_mode: "service:vpn"
                  vpn:
                    image: vpn
                networks: {front: {name: p_front, ipam: {}}}
                volumes: {data: {name: p_data}}
                secrets: {pw: {file: /pw}}
                configs: {conf: {file: /conf}}
                """;
        assertThat(messages(yaml)).isEmpty();
        validator.check(Trees.parse(yaml));
    }

    @Test
    void undefinedDependencyUsesComposeWordingAndPointsAtTheKey() {
        String yaml = """
                services:
                  web:
                    image: nginx
                    depends_on:
                      db:
                        condition: service_started
                        required: true
                """;
        assertThatThrownBy(() -> validator.check(Trees.parse(yaml)))
                .isInstanceOf(ComposeFileException.class)
                .hasMessage("compose.yaml:5:7: services.web.depends_on.db: "
                        + "service \"web\" depends on undefined service \"db\": invalid compose project")
                .satisfies(
                        e -> assertThat(((ComposeFileException) e).exitCode()).isEqualTo(ExitCode.COMPOSE_PARSE));
    }

    @Test
    void optionalDependencyOnAbsentServiceIsTolerated() {
        assertThat(messages("""
                services:
                  web:
                    image: nginx
                    depends_on: {db: {condition: service_started, required: false}}
                """)).isEmpty();
    }

    @Test
    void undefinedNetworkVolumeSecretConfig() {
        assertThat(messages("""
                services:
                  web:
                    image: nginx
                    networks:
                      front: null
                    volumes:
                      - type: volume
                        source: data
                        target: /data
                    secrets:
                      - source: pw
                    configs:
                      - source: conf
                    build:
                      context: .
                      secrets:
                        - source: npmrc
                """))
                .containsExactly(
                        "compose.yaml:5:7: services.web.networks.front: "
                                + "service \"web\" refers to undefined network front: invalid compose project",
                        "compose.yaml:8:17: services.web.volumes[0].source: "
                                + "service \"web\" refers to undefined volume data: invalid compose project",
                        "compose.yaml:17:19: services.web.build.secrets[0].source: "
                                + "service \"web\" refers to undefined build secret npmrc: invalid compose project",
                        "compose.yaml:13:17: services.web.configs[0].source: "
                                + "service \"web\" refers to undefined config conf: invalid compose project",
                        "compose.yaml:11:17: services.web.secrets[0].source: "
                                + "service \"web\" refers to undefined secret pw: invalid compose project");
    }

    @Test
    void implicitReferencesToUnknownServices() {
        assertThat(messages("""
                services:
                  web:
                    image: nginx
                    network_mode: service:vpn
                    links: [api]
                    volumes_from: ["service:files:ro", "container:ok"]
                """))
                .containsExactly(
                        "compose.yaml:4:19: services.web.network_mode: service \"vpn\" not found for network_mode 'service:vpn'",
                        "compose.yaml:6:20: services.web.volumes_from[0]: "
                                + "service \"web\" refers to undefined service \"files\" in volumes_from: invalid compose project",
                        "compose.yaml:5:13: services.web.links[0]: "
                                + "service \"web\" refers to undefined service \"api\" in links: invalid compose project");
    }

    @Test
    void sharedContainerNamesLoad() {
        // docker compose lets either service run alone; only creating both fails (the planner's check)
        assertThat(messages("""
                services:
                  b:
                    image: x
                    container_name: app
                  a:
                    image: x
                    container_name: app
                """)).isEmpty();
    }

    @Test
    void secretsNeedASource() {
        assertThat(messages("""
                services: {}
                secrets:
                  bad: {name: p_bad}
                  ext: {external: true}
                  ok: {environment: TOKEN}
                """))
                .containsExactly("compose.yaml:3:3: secrets.bad: "
                        + "secret \"bad\" must declare either `file` or `environment`: invalid compose project");
    }

    @Test
    void dependencyCycleNamedFromSmallestServiceAtItsFirstEdge() {
        assertThat(messages("""
                services:
                  c:
                    image: x
                    depends_on: {a: {condition: service_started, required: true}}
                  b:
                    image: x
                    links: [c]
                  a:
                    image: x
                    depends_on:
                      b: {condition: service_started, required: true}
                """))
                .containsExactly(
                        "compose.yaml:11:7: services.a.depends_on.b: " + "dependency cycle detected: a -> b -> c -> a");
    }

    @Test
    void cycleThroughNetworkModeAndVolumesFrom() {
        assertThat(messages("""
                services:
                  x:
                    image: x
                    network_mode: service:y
                  y:
                    image: y
                    volumes_from: [x]
                """))
                .containsExactly(
                        "compose.yaml:4:19: services.x.network_mode: " + "dependency cycle detected: x -> y -> x");
    }

    @Test
    void problemsCarryHints() {
        ComposeFileException e = validator
                .problems(Trees.parse("services: {web: {image: x, links: [db]}}"))
                .getFirst();
        assertThat(e.hint()).isEqualTo("define the service or enable its profile");
        assertThat(e.problem()).endsWith(": invalid compose project");
    }

    @Test
    void mutuallyExclusiveSettings() {
        assertThat(messages("""
                services:
                  web:
                    build:
                      context: .
                      dockerfile: Dockerfile
                      dockerfile_inline: FROM scratch
                    network_mode: host
                    networks: {default: null}
                    healthcheck:
                      test: [curl, localhost]
                    scale: 2
                    deploy: {replicas: 3}
                networks: {default: {name: p_default}}
                """))
                .containsExactly(
                        "compose.yaml:6:7: services.web.build.dockerfile_inline: service \"web\" declares mutually "
                                + "exclusive dockerfile and dockerfile_inline: invalid compose project",
                        "compose.yaml:7:5: services.web.network_mode: service web declares mutually exclusive "
                                + "`network_mode` and `networks`: invalid compose project",
                        "compose.yaml:10:14: services.web.healthcheck.test[0]: "
                                + "healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\"",
                        "compose.yaml:11:12: services.web.scale: "
                                + "can't set distinct values on 'scale' and 'deploy.replicas': invalid compose project");
    }

    @Test
    void equalScaleAndReplicasAreFine() {
        assertThat(messages("""
                services:
                  web: {image: x, scale: 2, deploy: {replicas: 2}}
                """)).isEmpty();
    }
}
