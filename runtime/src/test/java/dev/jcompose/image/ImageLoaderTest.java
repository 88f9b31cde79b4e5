package dev.jcompose.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.content.ContentStore;
import dev.jcompose.content.Digest;
import dev.jcompose.host.HostPaths;
import dev.jcompose.image.testing.DeterministicTar;
import dev.jcompose.image.testing.ImageArchives;
import dev.jcompose.image.testing.TestImage;
import dev.jcompose.image.testing.TestImages;
import dev.jcompose.image.testing.TestIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLoaderTest {
    private static final Platform AMD64 = Platform.parse("linux/amd64");

    @TempDir
    Path tmp;

    private ImageStore store;
    private ContentStore content;
    private ImageLoader loader;

    @BeforeEach
    void setUp() {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        store = ImageStore.under(new HostPaths(tmp.resolve("data"), tmp.resolve("run")));
        content = store.content();
        loader = new ImageLoader(store);
    }

    @Test
    void testImagesAreDeterministic() {
        TestImage a = TestImages.busybox().cmd("echo", "hi").build();
        TestImage b = TestImages.busybox().cmd("echo", "hi").build();
        assertThat(a.manifestDigest()).isEqualTo(b.manifestDigest());
        assertThat(a.layerDigest()).isEqualTo(b.layerDigest());
    }

    @Test
    void loadsAnOciLayoutDirectoryWithItsConfig() throws IOException {
        TestImage image = TestImages.busybox()
                .entrypoint("/bin/sh", "-c")
                .cmd("echo hello")
                .env("A=1")
                .workingDir("/home/app")
                .user("app")
                .expose("8080/tcp")
                .volume("/data")
                .label("x", "y")
                .stopSignal("SIGINT")
                .build();
        ImageArchives.ociLayout(tmp.resolve("layout"), "localhost:5000/tools/busybox:1", image);
        List<ImageRecord> loaded = loader.load(tmp.resolve("layout"), AMD64);
        assertThat(loaded).extracting(ImageRecord::name).containsExactly("localhost:5000/tools/busybox:1");
        ImageRecord r = loaded.getFirst();
        assertThat(r.manifestDigest()).isEqualTo(image.manifestDigest());
        assertThat(r.id()).isEqualTo(image.configDigest());
        ImageConfig c = r.config();
        assertThat(c.entrypoint()).containsExactly("/bin/sh", "-c");
        assertThat(c.cmd()).containsExactly("echo hello");
        assertThat(c.env()).containsExactly("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "A=1");
        assertThat(c.workingDir()).isEqualTo("/home/app");
        assertThat(c.user()).isEqualTo("app");
        assertThat(c.exposedPorts()).containsExactly("8080/tcp");
        assertThat(c.volumes()).containsExactly("/data");
        assertThat(c.labels()).containsEntry("x", "y");
        assertThat(c.stopSignal()).isEqualTo("SIGINT");
        List<LayerBlob> layers = store.layers(r);
        assertThat(layers).singleElement().satisfies(l -> {
            assertThat(l.mediaType()).isEqualTo(MediaTypes.OCI_LAYER_GZIP);
            assertThat(l.digest()).isEqualTo(image.layerDigest());
            assertThat(l.diffId()).isEqualTo(image.diffId());
            assertThat(Digest.sha256(Files.readAllBytes(l.path()))).isEqualTo(l.digest());
        });
        assertThat(store.find("localhost:5000/tools/busybox:1")).contains(r);
        assertThat(store.find(image.configDigest().toString())).contains(r);
        assertThat(store.find("localhost:5000/tools/busybox:2")).isEmpty();
    }

    @Test
    void loadsAnOciLayoutTarAndKeepsBareTagsUntagged() throws IOException {
        TestImage image = TestImages.busybox().build();
        Path tar = tmp.resolve("layout.tar");
        Files.write(tar, ImageArchives.ociLayoutTar("latest", image));
        List<ImageRecord> loaded = loader.load(tar, AMD64);
        assertThat(loaded)
                .extracting(ImageRecord::name)
                .containsExactly(image.manifestDigest().toString());
        assertThat(content.list())
                .containsExactlyInAnyOrderElementsOf(image.blobs().keySet());
        assertThat(Files.list(content.root())
                        .map(p -> p.getFileName().toString())
                        .sorted()
                        .toList())
                .containsExactly("blobs", "ingest"); // the extraction directory is gone
    }

    @Test
    void loadsTheRequestedPlatformFromAnIndexLayout() {
        TestIndex index = TestImages.twoPlatforms();
        ImageArchives.ociLayout(tmp.resolve("multi"), "example.com/multi:1", index);
        ImageRecord arm =
                loader.load(tmp.resolve("multi"), Platform.parse("linux/arm64")).getFirst();
        assertThat(arm.config().platform()).hasToString("linux/arm64");
        assertThat(arm.config().env()).contains("PLATFORM=arm64");
        assertThat(arm.target()).isEqualTo(index.digest());
        assertThatThrownBy(() -> loader.load(tmp.resolve("multi"), Platform.parse("linux/s390x")))
                .hasMessage(tmp.resolve("multi")
                        + " has no image for platform linux/s390x (it offers linux/amd64, linux/arm64)");
    }

    @Test
    void loadsLegacyDockerSaveWithSharedLayersAndRemovesWithoutOrphans() throws IOException {
        TestImage web = TestImages.busybox().cmd("httpd", "-f").build();
        TestImage job = TestImages.busybox().cmd("sleep", "1").build();
        Path tar = tmp.resolve("save.tar");
        Files.write(tar, ImageArchives.dockerSaveLegacy(Map.of("web:1", web, "registry.local/team/job:2", job)));
        List<ImageRecord> loaded = loader.load(tar, AMD64);
        assertThat(loaded)
                .extracting(ImageRecord::name)
                .containsExactly("docker.io/library/web:1", "registry.local/team/job:2");
        ImageRecord w = loaded.getFirst();
        assertThat(w.id()).isEqualTo(web.configDigest());
        assertThat(w.manifest().layers()).singleElement().satisfies(l -> {
            assertThat(l.mediaType()).isEqualTo(MediaTypes.OCI_LAYER);
            assertThat(l.digest()).isEqualTo(web.diffId());
        });
        // one shared layer, two configs, two synthesized manifests
        assertThat(content.list()).hasSize(5);
        assertThat(store.list())
                .extracting(ImageRecord::name)
                .containsExactly("docker.io/library/web:1", "registry.local/team/job:2");
        assertThat(Files.readString(tmp.resolve("data/images/index.json"))).isEqualTo("""
                {
                  "images" : {
                    "docker.io/library/web:1" : {
                      "target" : "%s",
                      "manifest" : "%s"
                    },
                    "registry.local/team/job:2" : {
                      "target" : "%s",
                      "manifest" : "%s"
                    }
                  }
                }
                """.formatted(
                        w.manifestDigest(),
                        w.manifestDigest(),
                        loaded.get(1).manifestDigest(),
                        loaded.get(1).manifestDigest()));

        assertThat(store.remove("web:1")).containsExactlyInAnyOrder(web.configDigest(), w.manifestDigest());
        assertThat(content.list()).hasSize(3).contains(web.diffId());
        assertThat(store.remove("registry.local/team/job:2")).hasSize(3);
        assertThat(content.list()).isEmpty();
        assertThat(store.list()).isEmpty();
        assertThatThrownBy(() -> store.remove("web:1"))
                .isInstanceOf(ImageNotFoundException.class)
                .hasMessage("no such image: web:1");
    }

    @Test
    void loadsTheNewerDockerSaveForm() throws IOException {
        TestImage image = TestImages.busybox().cmd("true").build();
        Path tar = tmp.resolve("save-oci.tar");
        Files.write(tar, ImageArchives.dockerSaveOci("busybox:test", image));
        ImageRecord r = loader.load(tar, AMD64).getFirst();
        assertThat(r.name()).isEqualTo("docker.io/library/busybox:test");
        assertThat(r.config().cmd()).containsExactly("true");
        assertThat(store.layers(r))
                .singleElement()
                .satisfies(l -> assertThat(l.digest()).isEqualTo(image.diffId()));
    }

    @Test
    void refusesHostileAndIncompleteArchives() throws IOException {
        Path evil = tmp.resolve("evil.tar");
        Files.write(
                evil,
                new DeterministicTar()
                        .file("manifest.json", "[]")
                        .rawFile("../../escape", new byte[] {1})
                        .toBytes());
        assertThatThrownBy(() -> loader.load(evil, AMD64))
                .hasMessage("refusing archive member \"../../escape\" in " + evil + ": it escapes the archive");
        assertThat(Files.exists(tmp.resolve("escape"))).isFalse();

        Path missing = tmp.resolve("missing.tar");
        Files.write(
                missing,
                new DeterministicTar()
                        .file("manifest.json", "[{\"Config\":\"c.json\",\"RepoTags\":[\"a:1\"],\"Layers\":[]}]")
                        .toBytes());
        assertThatThrownBy(() -> loader.load(missing, AMD64))
                .hasMessage(missing + " references \"c.json\", which it does not contain");

        Path linkOut = tmp.resolve("link.tar");
        Files.write(
                linkOut,
                new DeterministicTar()
                        .file("manifest.json", "[{\"Config\":\"c.json\",\"RepoTags\":[\"a:1\"],\"Layers\":[]}]")
                        .symlink("c.json", "../../../etc/passwd")
                        .toBytes());
        assertThatThrownBy(() -> loader.load(linkOut, AMD64))
                .hasMessage("refusing archive member \"c.json\" in " + linkOut + ": it links outside the archive");

        Path neither = tmp.resolve("neither.tar");
        Files.write(neither, new DeterministicTar().file("hello", "x").toBytes());
        assertThatThrownBy(() -> loader.load(neither, AMD64))
                .hasMessage(
                        neither
                                + " is neither a docker save archive (no manifest.json) nor an OCI image layout (no oci-layout)");
        assertThat(content.list()).isEmpty();
        assertThat(Files.list(content.root()).map(p -> p.getFileName().toString()))
                .noneMatch(n -> n.startsWith("load-"));
    }
}
