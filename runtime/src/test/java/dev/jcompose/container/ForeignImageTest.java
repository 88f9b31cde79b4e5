package dev.jcompose.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.jcompose.cgroup.CgroupLayout;
import dev.jcompose.host.Clock;
import dev.jcompose.host.Command;
import dev.jcompose.host.HostPaths;
import dev.jcompose.host.HostSnapshot;
import dev.jcompose.host.ProcessCommandRunner;
import dev.jcompose.image.ImageRecord;
import dev.jcompose.image.Platform;
import dev.jcompose.image.RegistryConfig;
import dev.jcompose.oci.ContainerSpec;
import dev.jcompose.rootfs.TestLayers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Images written by other tools run: one packed by umoci (the OCI reference tool) from a local busybox
 * root file system, loaded as an OCI layout, and the same image converted by skopeo into a
 * {@code docker save} archive.
 */
@Tag("root")
class ForeignImageTest {
    private static final Path UMOCI = Path.of("/usr/bin/umoci");
    private static final Path SKOPEO = Path.of("/usr/bin/skopeo");

    private Path dir;
    private String cgroupParent;
    private HostSnapshot before;
    private ContainerHost host;

    @BeforeEach
    void setUp() throws IOException {
        assumeThat(Files.isExecutable(UMOCI)).as("umoci is installed").isTrue();
        assumeThat(Files.isExecutable(TestLayers.BUSYBOX))
                .as("busybox-static is installed")
                .isTrue();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        dir = Path.of("/tmp/jcompose-foreign-" + tag);
        cgroupParent = "jcompose-foreign-" + tag;
        before = snapshot();
        Files.createDirectories(dir);
        Map<String, String> env = Map.of("HOME", dir.toString());
        host = new ContainerHost(
                new HostPaths(dir.resolve("data"), dir.resolve("run")),
                new ProcessCommandRunner(),
                Clock.system(),
                ContainerHost.Settings.defaults(env)
                        .withRegistry(RegistryConfig.defaults(env))
                        .withPlatform(Platform.parse("linux/amd64"))
                        .withCgroupParent(cgroupParent));
    }

    private HostSnapshot snapshot() {
        return HostSnapshot.take(dir).scopedTo(dir.toString(), cgroupParent);
    }

    @AfterEach
    void tearDown() throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            for (ContainerRecord r : host.containers().list()) {
                host.containers().delete(r.id(), true);
            }
        } finally {
            CgroupLayout.detect().remove("/" + cgroupParent);
            try (var s = Files.walk(dir)) {
                for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(q);
                }
            }
        }
        snapshot().assertSameAs(before);
    }

    @Test
    void anImagePackedByUmociRuns() throws IOException {
        Path layout = umociImage();

        List<ImageRecord> loaded = host.hostImages().load(layout);

        assertThat(loaded).hasSize(1);
        assertThat(run(loaded.getFirst().name(), "umoci")).isEqualTo(3);
        assertThat(logs("umoci")).containsExactly("STDOUT umoci passwd=root:x:0:0:root:/root:/bin/sh");
        var snapshots = host.hostImages().snapshots();
        assertThat(snapshots.digests()).isNotEmpty();
        for (String d : snapshots.digests()) {
            assertThat(Files.getAttribute(snapshots.find(d).orElseThrow().dir(), "unix:mode"))
                    .as("the layer's 0700 root entry is ignored")
                    .isEqualTo(040755);
        }
    }

    @Test
    void theUmociImageConvertedBySkopeoToADockerSaveArchiveRuns() throws IOException {
        assumeThat(Files.isExecutable(SKOPEO)).as("skopeo is installed").isTrue();
        Path layout = umociImage();
        Path archive = dir.resolve("save.tar");
        exec(SKOPEO.toString(), "copy", "oci:" + layout + ":v1", "docker-archive:" + archive + ":e2e/umoci:1");

        List<ImageRecord> loaded = host.hostImages().load(archive);

        assertThat(loaded).extracting(ImageRecord::name).containsExactly("docker.io/e2e/umoci:1");
        assertThat(run("e2e/umoci:1", "skopeo")).isEqualTo(3);
        assertThat(logs("skopeo")).containsExactly("STDOUT umoci passwd=root:x:0:0:root:/root:/bin/sh");
    }

    /**
     * An OCI layout with one image, tag v1, packed by umoci from a busybox root file system whose own
     * directory is 0700 (umoci writes it as the layer's first entry; like containerd, the unpack ignores it).
     */
    private Path umociImage() throws IOException {
        Path layout = dir.resolve("layout");
        Path bundle = dir.resolve("bundle");
        exec(UMOCI.toString(), "init", "--layout", layout.toString());
        exec(UMOCI.toString(), "new", "--image", layout + ":v1");
        exec(UMOCI.toString(), "unpack", "--image", layout + ":v1", bundle.toString());
        Path rootfs = bundle.resolve("rootfs");
        busyboxRootfs(rootfs);
        Files.setPosixFilePermissions(rootfs, PosixFilePermissions.fromString("rwx------"));
        exec(UMOCI.toString(), "repack", "--image", layout + ":v1", bundle.toString());
        exec(
                UMOCI.toString(),
                "config",
                "--image",
                layout + ":v1",
                "--config.cmd",
                "sh",
                "--config.cmd",
                "-c",
                "--config.cmd",
                "echo umoci passwd=$(head -1 /etc/passwd); exit 3");
        return layout;
    }

    /** What bin/lib/busybox-rootfs.sh writes: busybox, a symlink per applet, passwd and group. */
    private static void busyboxRootfs(Path rootfs) throws IOException {
        Path bin = Files.createDirectories(rootfs.resolve("bin"));
        Files.copy(TestLayers.BUSYBOX, bin.resolve("busybox"));
        for (String applet :
                exec(TestLayers.BUSYBOX.toString(), "--list").lines().toList()) {
            if (!applet.equals("busybox")) {
                Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
            }
        }
        Path etc = Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n", StandardCharsets.UTF_8);
        Files.writeString(etc.resolve("group"), "root:x:0:\n", StandardCharsets.UTF_8);
        for (String d : List.of("tmp", "root", "proc", "sys", "dev")) {
            Files.createDirectories(rootfs.resolve(d));
        }
    }

    private int run(String image, String id) {
        host.create(image, NewContainer.of(id, "c-" + id, ContainerSpec.defaults()));
        host.containers().start(id);
        return host.containers().waitExit(id, Duration.ofSeconds(20)).orElseThrow();
    }

    private List<String> logs(String id) {
        List<String> out = new ArrayList<>();
        for (LogLine l : host.containers().logs(id, -1)) {
            out.add(l.stream() + " " + l.text());
        }
        return out;
    }

    private static String exec(String... argv) {
        return new ProcessCommandRunner().run(Command.of(argv)).orThrow().stdout();
    }
}
