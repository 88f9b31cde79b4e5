package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.api.ContainerSummary;
import dev.jcompose.api.UpOptions;
import dev.jcompose.model.Project;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.oci.ContainerSpec;
import dev.jcompose.state.ContainerState;
import dev.jcompose.state.Health;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceSpecsTest {
    @TempDir
    Path tmp;

    private Project load(String yaml) throws Exception {
        return TestProjects.load(tmp, "t", yaml);
    }

    @Test
    void aKeyOnlyVariableNothingSetReachesTheSpecAsUnset() throws Exception {
        ServiceConfig s = load("""
                services:
                  web:
                    image: busybox
                    environment: [EMPTY, SET=1]
                """).services().get("web");
        ContainerSpec spec = ServiceSpecs.spec(s, "h", List.of(), ContainerSpec.Network.NONE);
        assertThat(spec.environment()).containsEntry("EMPTY", null).containsEntry("SET", "1");
    }

    @Test
    void startIntervalWithoutStartPeriodIsRefusedAtCreationAsComposeDoes() throws Exception {
        Project p = load("""
                services:
                  ok:
                    image: busybox
                    healthcheck: {test: ["CMD", "true"], start_period: 10s, start_interval: 1s}
                  error:
                    image: busybox
                    healthcheck: {test: ["CMD", "true"], interval: 30s, start_interval: 1s}
                """);
        ServiceSpecs.checkHealthcheck("ok", p.services().get("ok"));
        assertThatThrownBy(() ->
                        ServiceSpecs.checkHealthcheck("error", p.services().get("error")))
                .hasMessage("service \"error\": healthcheck.start_interval requires healthcheck.start_period "
                        + "to be set");
    }

    @Test
    void mapsAServiceOntoAContainerSpec() throws Exception {
        ServiceConfig s = load("""
                services:
                  web:
                    image: busybox
                    entrypoint: ["/bin/sh", "-c"]
                    command: ["echo hi"]
                    environment: {B: "2", A: "1"}
                    working_dir: /srv
                    user: "1000:1000"
                    group_add: ["audio"]
                    read_only: true
                    mem_limit: 64m
                    pids_limit: 50
                    cpus: 0.5
                    ulimits:
                      nofile: {soft: 100, hard: 200}
                      nproc: 30
                    cap_add: [NET_ADMIN]
                    cap_drop: [MKNOD]
                    sysctls: {net.core.somaxconn: "1024"}
                    init: true
                    shm_size: 128m
                    stop_signal: SIGINT
                    stop_grace_period: 3s
                    security_opt: ["no-new-privileges:true"]
                    tmpfs: ["/run:size=1m"]
                """).services().get("web");
        ContainerSpec spec = ServiceSpecs.spec(s, "h", ServiceSpecs.tmpfs(s), ContainerSpec.Network.NONE);
        assertThat(spec.entrypoint()).containsExactly("/bin/sh", "-c");
        assertThat(spec.command()).containsExactly("echo hi");
        assertThat(spec.environment()).containsExactly(Map.entry("A", "1"), Map.entry("B", "2"));
        assertThat(spec.workingDir()).isEqualTo("/srv");
        assertThat(spec.user()).isEqualTo("1000:1000");
        assertThat(spec.groupAdd()).containsExactly("audio");
        assertThat(spec.hostname()).isEqualTo("h");
        assertThat(spec.readOnly()).isTrue();
        assertThat(spec.resources()).isEqualTo(new ContainerSpec.Resources(64L << 20, null, 0.5, null, null, 50L));
        assertThat(spec.ulimits())
                .containsExactly(
                        Map.entry("nofile", new ContainerSpec.Ulimit(100, 200)),
                        Map.entry("nproc", new ContainerSpec.Ulimit(30, 30)));
        assertThat(spec.capAdd()).containsExactly("NET_ADMIN");
        assertThat(spec.capDrop()).containsExactly("MKNOD");
        assertThat(spec.sysctls()).containsExactly(Map.entry("net.core.somaxconn", "1024"));
        assertThat(spec.init()).isTrue();
        assertThat(spec.shmSizeBytes()).isEqualTo(128L << 20);
        assertThat(spec.stopSignal()).isEqualTo("SIGINT");
        assertThat(spec.stopGracePeriod()).isEqualTo(Duration.ofSeconds(3));
        assertThat(spec.noNewPrivileges()).isTrue();
        assertThat(spec.seccomp()).isTrue();
        assertThat(spec.mounts()).containsExactly(new ContainerSpec.Tmpfs("/run", 1L << 20, null));
    }

    @Test
    void takesDeployLimitsAndKeepsImageDefaultsWhenUnset() throws Exception {
        ServiceConfig s = load("""
                services:
                  job:
                    image: busybox
                    deploy:
                      resources:
                        limits: {cpus: "1.5", memory: 32m, pids: 7}
                """).services().get("job");
        ContainerSpec spec = ServiceSpecs.spec(s, "h", List.of(), ContainerSpec.Network.HOST);
        assertThat(spec.entrypoint()).isNull();
        assertThat(spec.command()).isNull();
        assertThat(spec.user()).isNull();
        assertThat(spec.stopGracePeriod()).isEqualTo(Duration.ofSeconds(10));
        assertThat(spec.noNewPrivileges()).isFalse();
        assertThat(spec.resources()).isEqualTo(new ContainerSpec.Resources(32L << 20, null, 1.5, null, null, 7L));
        assertThat(spec.network()).isEqualTo(ContainerSpec.Network.HOST);
    }

    @Test
    void healthcheckCommandsFollowDockerForms() throws Exception {
        Project p = load("""
                services:
                  cmd: {image: busybox, healthcheck: {test: ["CMD", "test", "-f", "/x"]}}
                  shell: {image: busybox, healthcheck: {test: "wget -q localhost || exit 1"}}
                  off: {image: busybox, healthcheck: {disable: true}}
                  none: {image: busybox}
                """);
        assertThat(ServiceSpecs.healthcheckArgv(p.services().get("cmd"), null)).containsExactly("test", "-f", "/x");
        assertThat(ServiceSpecs.healthcheckArgv(p.services().get("shell"), null))
                .containsExactly("/bin/sh", "-c", "wget -q localhost || exit 1");
        assertThat(ServiceSpecs.healthcheckArgv(p.services().get("off"), List.of("CMD", "true")))
                .isNull();
        assertThat(ServiceSpecs.healthcheckArgv(p.services().get("none"), List.of("CMD-SHELL", "true")))
                .containsExactly("/bin/sh", "-c", "true");
        assertThat(ServiceSpecs.healthcheckArgv(p.services().get("none"), List.of("NONE")))
                .isNull();
        assertThat(ServiceSpecs.healthcheckArgv(p.services().get("none"), null)).isNull();
    }

    @Test
    void portsBecomeNetworkLayerRequests() throws Exception {
        Project p = load("""
                services:
                  web:
                    image: busybox
                    ports: ["127.0.0.1:8080:80", "9000-9001:9000-9001/udp", "127.0.0.1::53", "5000"]
                """);
        assertThat(p.services().get("web").ports().stream()
                        .map(ServicePorts::request)
                        .map(r -> r.display())
                        .toList())
                .containsExactly(
                        "127.0.0.1:8080:80/tcp", "9000:9000/udp", "9001:9001/udp", "127.0.0.1:53/tcp", "5000/tcp");
    }

    @Test
    void upOptionsRejectContradictions() {
        assertThatThrownBy(() -> new UpOptions(null, false, true, true, false, null, null, false, false, null, null))
                .hasMessage("--force-recreate and --no-recreate are incompatible");
        assertThat(new ContainerSummary("i", "n", "p", "s", 1, "img", "c", ContainerState.EXITED, null, 3, List.of())
                        .status())
                .isEqualTo("exited (3)");
        assertThat(new ContainerSummary(
                                "i", "n", "p", "s", 1, "img", "c", ContainerState.RUNNING, Health.HEALTHY, 0, List.of())
                        .status())
                .isEqualTo("running (healthy)");
    }
}
