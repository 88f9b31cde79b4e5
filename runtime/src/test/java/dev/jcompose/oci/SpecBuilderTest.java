package dev.jcompose.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.oci.ContainerSpec.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecBuilderTest {
    private static final String PASSWD = "root:x:0:0::/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n";
    private static final String GROUP = "root:x:0:\napp:x:1000:\nextra:x:2000:app\nwheel:x:10:root,app\n";

    @TempDir
    Path rootfs;

    private SpecContext ctx() throws IOException {
        Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(rootfs.resolve("etc/passwd"), PASSWD);
        Files.writeString(rootfs.resolve("etc/group"), GROUP);
        return new SpecContext(
                "0123456789abcdef",
                Path.of("/r/rootfs"),
                "/jcompose/0123456789abcdef",
                Path.of("/r/hosts"),
                Path.of("/r/resolv.conf"),
                Path.of("/r/hostname"),
                Path.of("/usr/bin/tini"),
                20000,
                -1L);
    }

    private SpecContext realCtx() throws IOException {
        SpecContext c = ctx();
        return new SpecContext(
                c.containerId(),
                rootfs,
                c.cgroupsPath(),
                c.hostsFile(),
                c.resolvConf(),
                c.hostnameFile(),
                c.initBinary(),
                c.nofileHardLimit(),
                ~(1L << 21));
    }

    private static final ImageDefaults IMAGE = new ImageDefaults(
            List.of("/entry.sh"),
            List.of("serve", "--port=80"),
            List.of("PATH=/opt/bin:/bin", "A=image", "B=image"),
            "",
            "/srv",
            "SIGQUIT",
            List.of(),
            Map.of());

    @Test
    void goldenSpecForAFullyConfiguredService() throws IOException {
        ContainerSpec svc = new ContainerSpec(
                null,
                List.of("run"),
                Map.of("B", "svc", "C", "svc"),
                null,
                "app:extra",
                List.of("10"),
                "web",
                List.of(
                        new ContainerSpec.Bind("/data/v", "/var/lib/v", true),
                        new ContainerSpec.Tmpfs("/cache", 1L << 20, 0700)),
                true,
                new Resources(256L << 20, null, 1.5, 512L, "0", 100L),
                Map.of("nofile", new ContainerSpec.Ulimit(1024, 1 << 20), "nproc", new ContainerSpec.Ulimit(500, 1000)),
                List.of("net_admin"),
                List.of("MKNOD", "CAP_NET_RAW"),
                false,
                Map.of("net.ipv4.ip_forward", "1", "kernel.shmmax", "1000"),
                true,
                new ContainerSpec.Network.Path("/run/netns/x"),
                128L << 20,
                true,
                true,
                "SIGTERM",
                Duration.ofSeconds(3));
        RuntimeSpec spec = new SpecBuilder().build(IMAGE, svc, realCtx());
        String json = BundleWriter.toJson(spec).replace(rootfs.toString(), "/ROOTFS");
        Path golden = Path.of("src/test/resources/oci/full-service.json");
        if (Boolean.getBoolean("updateGolden")) {
            Files.writeString(golden, json + "\n");
        }
        assertThat(json + "\n").isEqualTo(Files.readString(golden));
    }

    @Test
    void serviceEntrypointResetsImageCmd() {
        ContainerSpec svc = ContainerSpec.defaults().withEntrypoint(List.of("/bin/sh", "-c"));
        assertThat(SpecBuilder.args(IMAGE, svc)).containsExactly("/bin/sh", "-c");
        assertThat(SpecBuilder.args(IMAGE, svc.withCommand(List.of("echo hi"))))
                .containsExactly("/bin/sh", "-c", "echo hi");
    }

    @Test
    void serviceCommandReplacesImageCmdOnly() {
        assertThat(SpecBuilder.args(IMAGE, ContainerSpec.defaults().withCommand(List.of("x"))))
                .containsExactly("/entry.sh", "x");
        assertThat(SpecBuilder.args(IMAGE, ContainerSpec.defaults()))
                .containsExactly("/entry.sh", "serve", "--port=80");
        assertThat(SpecBuilder.args(IMAGE, ContainerSpec.defaults().withCommand(List.of())))
                .containsExactly("/entry.sh");
    }

    @Test
    void emptyEntrypointClearsImageEntrypoint() {
        assertThat(SpecBuilder.args(
                        IMAGE,
                        ContainerSpec.defaults().withEntrypoint(List.of()).withCommand(List.of("ls"))))
                .containsExactly("ls");
        assertThatThrownBy(
                        () -> SpecBuilder.args(IMAGE, ContainerSpec.defaults().withEntrypoint(List.of())))
                .hasMessage("no command specified: the image has no entrypoint or cmd and the service sets neither");
    }

    @Test
    void envKeepsImageOrderAndServiceWins() {
        assertThat(SpecBuilder.env(
                        IMAGE,
                        new ContainerSpec(
                                null,
                                null,
                                Map.of("A", "svc", "Z", "1"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                false,
                                null,
                                null,
                                null,
                                null,
                                false,
                                null,
                                false,
                                null,
                                null,
                                true,
                                true,
                                null,
                                null),
                        "h"))
                .containsExactly("PATH=/opt/bin:/bin", "HOSTNAME=h", "A=svc", "B=image", "Z=1");
        assertThat(SpecBuilder.env(ImageDefaults.EMPTY, ContainerSpec.defaults(), "h"))
                .containsExactly("PATH=" + SpecBuilder.DEFAULT_PATH, "HOSTNAME=h");
    }

    @Test
    void userForms() {
        UserResolver r = UserResolver.parse(PASSWD, GROUP);
        assertThat(r.resolve("", List.of())).isEqualTo(new RuntimeSpec.User(0, 0, List.of(10)));
        assertThat(r.resolve("app", List.of())).isEqualTo(new RuntimeSpec.User(1000, 1000, List.of(10, 2000)));
        assertThat(r.resolve("1000", List.of())).isEqualTo(new RuntimeSpec.User(1000, 1000, List.of(10, 2000)));
        assertThat(r.resolve("4242", List.of())).isEqualTo(new RuntimeSpec.User(4242, 0, null));
        assertThat(r.resolve("4242:77", List.of("extra"))).isEqualTo(new RuntimeSpec.User(4242, 77, List.of(2000)));
        assertThat(r.resolve("app:wheel", List.of())).isEqualTo(new RuntimeSpec.User(1000, 10, List.of(2000)));
        assertThatThrownBy(() -> r.resolve("nobody", List.of()))
                .hasMessage("unable to find user nobody: no matching entries in passwd file");
        assertThatThrownBy(() -> r.resolve("app:nogroup", List.of()))
                .hasMessage("unable to find group nogroup: no matching entries in group file");
    }

    @Test
    void passwdSymlinkCannotReadHostFiles() throws IOException {
        Files.createDirectories(rootfs.resolve("etc"));
        Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Path.of("/../../../../../../etc/os-release"));
        assertThatThrownBy(() -> UserResolver.of(rootfs).resolve("root", List.of()))
                .hasMessage("unable to find user root: no matching entries in passwd file");
    }

    @Test
    void capabilities() {
        assertThat(SecurityDefaults.capabilities(false, List.of(), List.of())).hasSize(14);
        assertThat(SecurityDefaults.capabilities(false, List.of("NET_ADMIN"), List.of("ALL")))
                .containsExactly("CAP_NET_ADMIN");
        assertThat(SecurityDefaults.capabilities(false, List.of("ALL"), List.of("SYS_ADMIN")))
                .hasSize(40)
                .doesNotContain("CAP_SYS_ADMIN");
        assertThat(SecurityDefaults.capabilities(true, List.of(), List.of("ALL")))
                .hasSize(41);
        assertThatThrownBy(() -> SecurityDefaults.capabilities(false, List.of("FLY"), List.of()))
                .hasMessage("unknown capability 'FLY'");
    }

    @Test
    void privilegedIsClampedToTheHostBoundingSet() throws IOException {
        SpecContext c = realCtx();
        SpecContext clamped = new SpecContext(
                c.containerId(), c.rootfs(), c.cgroupsPath(), null, null, null, null, 1024, ~(1L << 24));
        ContainerSpec priv = new ContainerSpec(
                null,
                List.of("x"),
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                true,
                null,
                false,
                null,
                null,
                true,
                true,
                null,
                null);
        RuntimeSpec spec = new SpecBuilder().build(ImageDefaults.EMPTY, priv, clamped);
        assertThat(spec.process().capabilities().bounding()).hasSize(40).doesNotContain("CAP_SYS_RESOURCE");
        assertThat(spec.linux().maskedPaths()).isNull();
        assertThat(spec.linux().seccomp()).isNull();
        assertThat(spec.mounts().get(1))
                .isEqualTo(new RuntimeSpec.Mount("/dev", "bind", "/dev", List.of("rbind", "nosuid", "rslave")));
    }

    @Test
    void sysctlAllowlist() {
        assertThatThrownBy(() -> SecurityDefaults.sysctls(Map.of("kernel.panic", "1"), true))
                .hasMessage("sysctl kernel.panic is not namespaced: it would change the whole host");
        assertThatThrownBy(() -> SecurityDefaults.sysctls(Map.of("net.core.somaxconn", "1"), false))
                .hasMessage("sysctl net.core.somaxconn cannot be set with network_mode: host");
        assertThat(SecurityDefaults.sysctls(Map.of("fs.mqueue.msg_max", "1", "kernel.sem", "1 2 3 4"), true))
                .containsOnlyKeys("fs.mqueue.msg_max", "kernel.sem");
    }
}
