package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.api.StackException;
import dev.jcompose.model.FileObjectValues;
import dev.jcompose.model.FileReference;
import dev.jcompose.model.Project;
import dev.jcompose.oci.ContainerSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pure halves of tmpfs options, domainname/oom/reservation/cpu quota, secrets and configs. */
class ServiceOptionsSpecsTest {
    @TempDir
    Path tmp;

    private Project load(String yaml) throws Exception {
        return TestProjects.load(tmp, "t", yaml);
    }

    @Test
    void tmpfsSizeAndModeAreParsedLikeDocker() throws Exception {
        Project p = load("""
                services:
                  web:
                    image: busybox
                    tmpfs: ["/run:size=64m,mode=1770", "/tmp", "/x:noexec"]
                """);
        assertThat(ServiceSpecs.tmpfs(p.services().get("web")))
                .containsExactly(
                        new ContainerSpec.Tmpfs("/run", 64L << 20, 01770),
                        new ContainerSpec.Tmpfs("/tmp", null, null),
                        new ContainerSpec.Tmpfs("/x", null, null));
    }

    @Test
    void aBadTmpfsModeIsAnError() throws Exception {
        Project p = load("""
                services:
                  web:
                    image: busybox
                    tmpfs: ["/run:mode=999"]
                """);
        assertThatThrownBy(() -> ServiceSpecs.tmpfs(p.services().get("web")))
                .hasMessage("tmpfs /run:mode=999: invalid mode '999'");
    }

    @Test
    void optionsCarryTheServicesTunings() throws Exception {
        Project p = load("""
                services:
                  web:
                    image: busybox
                    domainname: example.org
                    oom_score_adj: -200
                    mem_reservation: 32m
                    cpu_quota: 50000
                    cpu_period: 100000
                """);
        ContainerSpec spec = ServiceSpecs.spec(
                p.services().get("web"),
                "h",
                List.of(),
                ContainerSpec.Network.NONE,
                new ServiceSpecs.SharedNamespaces("host", "/proc/7/ns/ipc", "/proc/7/root/dev/shm"));
        assertThat(spec.options())
                .isEqualTo(new ContainerSpec.Options(
                        "example.org",
                        -200,
                        32L << 20,
                        50_000L,
                        100_000L,
                        "host",
                        "/proc/7/ns/ipc",
                        "/proc/7/root/dev/shm"));
    }

    @Test
    void deviceCgroupRulesAreParsedStrictly() throws Exception {
        Project p = load("""
                services:
                  web:
                    image: busybox
                    device_cgroup_rules: ["c 1:3 rwm", "b 8:* r", "a *:* m"]
                  bad:
                    image: busybox
                    device_cgroup_rules: ["c 1:3 rwx"]
                """);
        assertThat(HostDevices.rules("web", p.services().get("web")))
                .containsExactly(
                        new ContainerSpec.DeviceAllow("c", 1L, 3L, "rwm"),
                        new ContainerSpec.DeviceAllow("b", 8L, null, "r"),
                        new ContainerSpec.DeviceAllow("a", null, null, "m"));
        assertThatThrownBy(() -> HostDevices.rules("bad", p.services().get("bad")))
                .hasMessage("device_cgroup_rules of service bad: invalid rule 'c 1:3 rwx'");
    }

    @Test
    void secretsAndConfigsLandWhereDockerPutsThem() {
        assertThat(ContainerSecrets.target("secret", new FileReference("pw", null, null, null, null, null)))
                .isEqualTo("/run/secrets/pw");
        assertThat(ContainerSecrets.target("secret", new FileReference("pw", "db_pw", null, null, null, null)))
                .isEqualTo("/run/secrets/db_pw");
        assertThat(ContainerSecrets.target("config", new FileReference("nginx", null, null, null, null, null)))
                .isEqualTo("/nginx");
        assertThat(ContainerSecrets.target(
                        "config", new FileReference("nginx", "/etc/nginx.conf", null, null, null, null)))
                .isEqualTo("/etc/nginx.conf");
        assertThat(PosixFilePermissions.toString(ContainerSecrets.permissions(0440)))
                .isEqualTo("r--r-----");
    }

    @Test
    void secretsAreCopiedWithTheirModeAndReadOnly() throws Exception {
        Files.writeString(tmp.resolve("pw.txt"), "s3cret");
        Project p = load("""
                services:
                  web:
                    image: busybox
                    secrets: [{source: pw, mode: 0400}]
                    configs: [app]
                secrets:
                  pw: {file: ./pw.txt}
                configs:
                  app: {content: "debug=1"}
                """);
        Path dir = tmp.resolve("c");
        List<ContainerSpec.VolumeMount> mounts =
                ContainerSecrets.mounts(p, p.services().get("web"), dir);
        assertThat(mounts)
                .containsExactly(
                        new ContainerSpec.Bind(dir.resolve("secrets/0-pw").toString(), "/run/secrets/pw", true),
                        new ContainerSpec.Bind(dir.resolve("configs/0-app").toString(), "/app", true));
        assertThat(Files.readString(dir.resolve("secrets/0-pw"))).isEqualTo("s3cret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secrets/0-pw"))))
                .isEqualTo("r--------");
        assertThat(Files.readString(dir.resolve("configs/0-app"))).isEqualTo("debug=1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secrets"))))
                .isEqualTo("rwx------");
    }

    @Test
    void externalAndEnvironmentSourcesAreClearErrors() throws Exception {
        Project p = load("""
                services:
                  web:
                    image: busybox
                    secrets: [ext]
                  api:
                    image: busybox
                    secrets: [env]
                secrets:
                  ext: {external: true}
                  env: {environment: TOKEN}
                """);
        assertThatThrownBy(() -> ContainerSecrets.mounts(p, p.services().get("web"), tmp.resolve("c")))
                .isInstanceOf(StackException.class)
                .hasMessage("external secret \"ext\" is not supported: external secrets live in a swarm store");
        assertThatThrownBy(() -> ContainerSecrets.mounts(p, p.services().get("api"), tmp.resolve("c")))
                .hasMessage("secret \"env\": environment variable TOKEN is not set");
        Project resolved = FileObjectValues.resolve(p, dev.jcompose.environment.Environment.of(Map.of("TOKEN", "t0k")));
        assertThat(resolved.services()).isEqualTo(p.services());
        assertThat(resolved.secrets().get("env").content()).isEqualTo("t0k");
        assertThat(resolved.secrets().get("ext")).isEqualTo(p.secrets().get("ext"));
        Path dir = tmp.resolve("c2");
        assertThat(ContainerSecrets.mounts(resolved, resolved.services().get("api"), dir))
                .containsExactly(
                        new ContainerSpec.Bind(dir.resolve("secrets/0-env").toString(), "/run/secrets/env", true));
        assertThat(Files.readString(dir.resolve("secrets/0-env"))).isEqualTo("t0k");
        assertThat(FileObjectValues.resolve(p, dev.jcompose.environment.Environment.EMPTY))
                .isSameAs(p);
    }
}
