package dev.jcompose.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ContainerSpec.Options}: namespaces shared or the host's, domainname, OOM score, reservations, CPU quota. */
class SpecOptionsTest {
    @TempDir
    Path rootfs;

    private static final ImageDefaults IMAGE =
            new ImageDefaults(null, List.of("sh"), List.of(), "", "", "", List.of(), Map.of());

    private RuntimeSpec build(ContainerSpec.Options o) throws Exception {
        Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(rootfs.resolve("etc/passwd"), "root:x:0:0::/root:/bin/sh\n");
        Files.writeString(rootfs.resolve("etc/group"), "root:x:0:\n");
        SpecContext ctx = new SpecContext("0123456789abcdef", rootfs, "/jcompose/x", null, null, null, null, 1024, -1L);
        return new SpecBuilder().build(IMAGE, ContainerSpec.defaults().withOptions(o), ctx);
    }

    private static RuntimeSpec.Mount mount(RuntimeSpec spec, String destination) {
        return spec.mounts().stream()
                .filter(m -> m.destination().equals(destination))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void defaultsKeepOwnNamespacesAndNoTunings() throws Exception {
        RuntimeSpec spec = build(ContainerSpec.Options.NONE);
        assertThat(spec.linux().namespaces())
                .extracting(RuntimeSpec.Namespace::type)
                .containsExactly("pid", "ipc", "uts", "mount", "network");
        assertThat(spec.domainname()).isNull();
        assertThat(spec.process().oomScoreAdj()).isNull();
        assertThat(spec.linux().resources().memory()).isNull();
        assertThat(spec.linux().resources().cpu()).isNull();
        assertThat(mount(spec, "/dev/shm").type()).isEqualTo("tmpfs");
    }

    @Test
    void hostPidAndIpcLeaveTheNamespacesOutAndBindTheHostsShm() throws Exception {
        RuntimeSpec spec = build(new ContainerSpec.Options(null, null, null, null, null, "host", "host", null));
        assertThat(spec.linux().namespaces())
                .extracting(RuntimeSpec.Namespace::type)
                .containsExactly("uts", "mount", "network");
        assertThat(mount(spec, "/dev/shm"))
                .isEqualTo(new RuntimeSpec.Mount(
                        "/dev/shm", "bind", "/dev/shm", List.of("rbind", "nosuid", "noexec", "nodev")));
        assertThat(mount(spec, "/dev/mqueue").type()).isEqualTo("bind");
    }

    @Test
    void sharedNamespacesAreJoinedByPathWithTheOwnersShm() throws Exception {
        RuntimeSpec spec = build(new ContainerSpec.Options(
                null, null, null, null, null, "/proc/42/ns/pid", "/proc/42/ns/ipc", "/run/c/42/shm"));
        assertThat(spec.linux().namespaces())
                .containsSubsequence(
                        new RuntimeSpec.Namespace("pid", "/proc/42/ns/pid"),
                        new RuntimeSpec.Namespace("ipc", "/proc/42/ns/ipc"));
        assertThat(mount(spec, "/dev/shm").source()).isEqualTo("/run/c/42/shm");
    }

    @Test
    void domainnameOomScoreReservationAndCpuQuota() throws Exception {
        RuntimeSpec spec =
                build(new ContainerSpec.Options("example.org", -500, 32L << 20, 50_000L, 200_000L, null, null, null));
        assertThat(spec.domainname()).isEqualTo("example.org");
        assertThat(spec.linux().sysctl()).containsExactly(java.util.Map.entry("kernel.domainname", "example.org"));
        assertThat(spec.process().oomScoreAdj()).isEqualTo(-500);
        assertThat(spec.linux().resources().memory()).isEqualTo(new RuntimeSpec.Memory(null, null, 32L << 20));
        assertThat(spec.linux().resources().cpu()).isEqualTo(new RuntimeSpec.Cpu(null, 50_000L, 200_000L, null));
        assertThat(BundleWriter.toJson(spec))
                .contains("\"oomScoreAdj\" : -500")
                .contains("\"domainname\" : \"example.org\"");
    }

    @Test
    void ipcSysctlsAreRefusedInTheHostsIpcNamespace() throws Exception {
        Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(rootfs.resolve("etc/passwd"), "root:x:0:0::/root:/bin/sh\n");
        SpecContext ctx = new SpecContext("0123456789abcdef", rootfs, "/jcompose/x", null, null, null, null, 1024, -1L);
        ContainerSpec svc = new ContainerSpec(
                null,
                null,
                Map.of(),
                null,
                null,
                List.of(),
                null,
                List.of(),
                false,
                null,
                Map.of(),
                List.of(),
                List.of(),
                false,
                Map.of("kernel.shmmax", "1000"),
                false,
                null,
                null,
                true,
                true,
                null,
                null,
                new ContainerSpec.Options(null, null, null, null, null, null, "host", null));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SpecBuilder().build(IMAGE, svc, ctx))
                .hasMessage("IPC sysctls cannot be set with ipc: host");
    }

    @Test
    void devicesAreNodesAndCgroupAllowRules() throws Exception {
        RuntimeSpec spec = build(ContainerSpec.Options.NONE.withDevices(
                List.of(new ContainerSpec.Device("/dev/mynull", "c", 1, 3, 0666, "rw"))));
        assertThat(spec.linux().devices())
                .containsExactly(new RuntimeSpec.Device("/dev/mynull", "c", 1, 3, 0666, 0, 0));
        assertThat(spec.linux().resources().devices())
                .containsExactly(
                        new RuntimeSpec.DeviceRule(false, "a", null, null, "rwm"),
                        new RuntimeSpec.DeviceRule(true, "c", 1L, 3L, "rw"));
        RuntimeSpec rules = build(ContainerSpec.Options.NONE.withDeviceRules(
                List.of(new ContainerSpec.DeviceAllow("c", 10L, null, "rm"))));
        assertThat(rules.linux().devices()).isNull();
        assertThat(rules.linux().resources().devices())
                .containsExactly(
                        new RuntimeSpec.DeviceRule(false, "a", null, null, "rwm"),
                        new RuntimeSpec.DeviceRule(true, "c", 10L, null, "rm"));
    }

    @Test
    void annotationsGoToTheConfig() throws Exception {
        RuntimeSpec spec = build(ContainerSpec.Options.NONE.withAnnotations(Map.of("b", "2", "a", "1")));
        assertThat(BundleWriter.toJson(spec))
                .contains("\"annotations\" : {\n    \"a\" : \"1\",\n    \"b\" : \"2\"\n  }");
        assertThat(build(ContainerSpec.Options.NONE).annotations()).isNull();
    }

    @Test
    void cpusWithAnExplicitPeriodScalesTheQuota() throws Exception {
        Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(rootfs.resolve("etc/passwd"), "root:x:0:0::/root:/bin/sh\n");
        SpecContext ctx = new SpecContext("0123456789abcdef", rootfs, "/jcompose/x", null, null, null, null, 1024, -1L);
        ContainerSpec svc = ContainerSpec.defaults()
                .withResources(new ContainerSpec.Resources(null, null, 0.5, null, null, null))
                .withOptions(new ContainerSpec.Options(null, null, null, null, 50_000L, null, null, null));
        assertThat(new SpecBuilder().build(IMAGE, svc, ctx).linux().resources().cpu())
                .isEqualTo(new RuntimeSpec.Cpu(null, 25_000L, 50_000L, null));
    }
}
