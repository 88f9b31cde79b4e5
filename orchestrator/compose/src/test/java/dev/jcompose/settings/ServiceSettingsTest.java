package dev.jcompose.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.loader.LoadOptions;
import dev.jcompose.loader.ProjectLoader;
import dev.jcompose.model.ServiceConfig;
import java.io.ByteArrayInputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceSettingsTest {
    @TempDir
    Path tmp;

    private ServiceConfig load(String yaml) throws Exception {
        Files.writeString(tmp.resolve("compose.yaml"), yaml);
        return ProjectLoader.standard(new ByteArrayInputStream(new byte[0]))
                .load(LoadOptions.in(tmp).withProjectName("t").withProcessEnv(Map.of()))
                .project()
                .services()
                .get("web");
    }

    @Test
    void everyServiceConfigFieldIsClassifiedExactlyOnce() {
        List<String> fields = Arrays.stream(ServiceConfig.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        assertThat(fields)
                .allSatisfy(f -> assertThat(ServiceSettings.rule(f))
                        .as("ServiceConfig.%s has no rule in dev.jcompose.settings.Rules: classify it", f)
                        .isNotNull());
        assertThat(ServiceSettings.classified()).containsExactlyInAnyOrderElementsOf(fields);
    }

    @Test
    void everyRuleNamesARealComposeKey() {
        List<String> keys = List.of(ServiceConfig.class
                .getAnnotation(com.fasterxml.jackson.annotation.JsonPropertyOrder.class)
                .value());
        assertThat(ServiceSettings.classified())
                .filteredOn(c -> !c.equals("extensions"))
                .allSatisfy(
                        c -> assertThat(keys).contains(ServiceSettings.rule(c).key()));
    }

    @Test
    void compose_keys_are_the_snake_case_names() {
        assertThat(ServiceSettings.rule("memSwappiness").key()).isEqualTo("mem_swappiness");
        assertThat(ServiceSettings.rule("cpuRtRuntime").key()).isEqualTo("cpu_rt_runtime");
        assertThat(ServiceSettings.rule("extendsConfig").key()).isEqualTo("extends");
        assertThat(ServiceSettings.rule("securityOpt").support()).isEqualTo(Support.HONOURED);
        assertThat(ServiceSettings.rule("blkioConfig").support()).isEqualTo(Support.UNSUPPORTED);
        assertThat(ServiceSettings.rule("profiles").support()).isEqualTo(Support.ELSEWHERE);
    }

    @Test
    void aPlainServiceHasNoFindings() throws Exception {
        ServiceConfig s = load("""
                services:
                  web:
                    image: busybox
                    command: ["sleep", "1"]
                    environment: {A: "1"}
                    expose: ["80"]
                    ipc: private
                    security_opt: ["no-new-privileges:true", "seccomp=unconfined"]
                    tmpfs: ["/run"]
                    logging: {driver: json-file}
                    deploy: {replicas: 2, resources: {limits: {memory: 64m}}}
                """);
        assertThat(ServiceSettings.audit("web", s)).isEmpty();
    }

    @Test
    void settingsThatAreNotAppliedAreWarnedOncePerKeyInFieldOrder() throws Exception {
        ServiceConfig s = load("""
                services:
                  web:
                    image: busybox
                    stdin_open: true
                    tty: true
                    mem_swappiness: 10
                    pid: host
                    ipc: "service:db"
                    tmpfs: ["/run:size=1m,noexec,mode=700"]
                    logging: {driver: syslog}
                    security_opt: ["apparmor=unconfined", "label:disable"]
                    links: ["db:database"]
                    deploy: {restart_policy: {condition: on-failure, delay: 5s}}
                  db:
                    image: busybox
                """);
        assertThat(ServiceSettings.audit("web", s))
                .extracting(SettingFinding::message)
                .containsExactly(
                        "service \"web\": deploy restart_policy delay and window are for swarm and are ignored",
                        "service \"web\": logging is not supported yet and is ignored: output goes to jcompose's own log (jcompose logs)",
                        "service \"web\": mem_swappiness is not supported yet and is ignored",
                        "service \"web\": security_opt 'apparmor=unconfined' is not supported yet and is ignored; "
                                + "'label:disable' is not supported yet and is ignored",
                        "service \"web\": tmpfs options [noexec] are not supported yet and are ignored");
        assertThat(ServiceSettings.check("web", s)).hasSize(5).noneMatch(SettingFinding::refused);
    }

    @Test
    void aSandboxingRuntimeWouldBeRefusedAndRuncOnlyWarned() {
        ServiceSettings.Rule rule = ServiceSettings.rule("runtime");
        assertThat(rule.check().apply("runsc"))
                .containsExactly(new ServiceSettings.Issue(
                        true, "'runsc' is not supported: jcompose runs containers with runc or crun only"));
        assertThat(rule.check().apply("runc"))
                .containsExactly(
                        new ServiceSettings.Issue(false, "'runc' is ignored: jcompose picks runc or crun itself"));
        assertThat(rule.check().apply("")).isEmpty();
    }

    @Test
    void volumeOptionsThatAreNotAppliedAreWarnedAndSubpathRefused() throws Exception {
        ServiceConfig s = load("""
                services:
                  web:
                    image: busybox
                    volumes:
                      - {type: bind, source: /srv, target: /a, bind: {propagation: rshared, selinux: z}}
                      - {type: volume, source: data, target: /b, volume: {subpath: sub}}
                      - /srv:/c:ro
                volumes:
                  data: {}
                """);
        assertThat(ServiceSettings.audit("web", s))
                .containsExactly(new SettingFinding(
                        "web",
                        "volumes",
                        true,
                        "/b: volume.subpath is not supported: the container would get the whole volume"));
        ServiceConfig warned = load("""
                services:
                  web:
                    image: busybox
                    volumes:
                      - {type: bind, source: /srv, target: /a, bind: {propagation: rshared, selinux: z}}
                """);
        assertThat(ServiceSettings.audit("web", warned))
                .extracting(SettingFinding::message)
                .containsExactly(
                        "service \"web\": volumes /a: bind.propagation rshared is not supported yet (the mount is rprivate); "
                                + "/a: bind.selinux is not supported yet and is ignored");
    }

    @Test
    void confinementThatCannotBeGivenIsRefusedWithEveryRefusedKey() throws Exception {
        ServiceConfig s = load("""
                services:
                  web:
                    image: busybox
                    security_opt: ["apparmor:docker-default", "no-new-privileges", "label=disable"]
                    userns_mode: "keep-id"
                """);
        assertThatThrownBy(() -> ServiceSettings.check("web", s))
                .isInstanceOf(UnsupportedSettingException.class)
                .hasMessage("service \"web\": security_opt 'apparmor:docker-default' is not supported: jcompose "
                        + "cannot apply this confinement; service \"web\": userns_mode 'keep-id' is not supported: "
                        + "jcompose runs containers without a user namespace")
                .extracting(e -> ((UnsupportedSettingException) e).hint())
                .isEqualTo("remove the setting (the container would run less confined than it asks), or run the "
                        + "stack with docker");
    }
}
