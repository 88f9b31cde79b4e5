package dev.jcompose.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.host.Command;
import dev.jcompose.host.CommandResult;
import dev.jcompose.host.HostPaths;
import dev.jcompose.host.ProcessCommandRunner;
import dev.jcompose.image.testing.ImageArchives;
import dev.jcompose.image.testing.LocalRegistry;
import dev.jcompose.image.testing.TestImage;
import dev.jcompose.image.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks test images and the loader against independent tools: umoci unpacks ours, skopeo writes layouts we load. */
@Tag("host")
class ExternalToolsInteropTest {
    @TempDir
    Path tmp;

    private static CommandResult run(String... argv) {
        return new ProcessCommandRunner().run(Command.of(argv)).orThrow();
    }

    @Test
    void umociUnpacksATestImage() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/umoci")), "umoci is not installed (apt-get install umoci)");
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        TestImage image =
                TestImages.busybox().cmd("echo", "hi").workingDir("/home/app").build();
        ImageArchives.ociLayout(tmp.resolve("layout"), "v1", image);
        run(
                "umoci",
                "unpack",
                "--rootless",
                "--image",
                tmp.resolve("layout") + ":v1",
                tmp.resolve("bundle").toString());
        Path rootfs = tmp.resolve("bundle/rootfs");
        assertThat(Files.isExecutable(rootfs.resolve("bin/busybox"))).isTrue();
        assertThat(Files.readSymbolicLink(rootfs.resolve("bin/sh"))).hasToString("busybox");
        assertThat(Files.readString(rootfs.resolve("etc/passwd"))).contains("app:x:1000:1000:");
        assertThat(Files.readString(tmp.resolve("bundle/config.json")))
                .contains("\"echo\"", "\"hi\"", "\"cwd\": \"/home/app\"");
    }

    @Test
    void loadsAnOciLayoutWrittenBySkopeoFromTheLocalRegistry() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/skopeo")), "skopeo is not installed (apt-get install skopeo)");
        assumeTrue(LocalRegistry.available(), "docker-registry is not installed (apt-get install docker-registry)");
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        TestImage image = TestImages.busybox().cmd("skopeo").build();
        try (LocalRegistry registry = LocalRegistry.start(tmp.resolve("registry"))) {
            registry.push("interop/app", "1", image);
            run(
                    "skopeo",
                    "copy",
                    "--src-tls-verify=false",
                    "docker://" + registry.host() + "/interop/app:1",
                    "oci:" + tmp.resolve("skopeo-layout") + ":" + registry.host() + "/interop/app:1");
        }
        ImageStore store = ImageStore.under(new HostPaths(tmp.resolve("data"), tmp.resolve("run")));
        ImageRecord r = new ImageLoader(store)
                .load(tmp.resolve("skopeo-layout"), Platform.parse("linux/amd64"))
                .getFirst();
        assertThat(r.name()).endsWith("/interop/app:1");
        assertThat(r.config().cmd()).containsExactly("skopeo");
        assertThat(r.id()).isEqualTo(image.configDigest());
    }
}
