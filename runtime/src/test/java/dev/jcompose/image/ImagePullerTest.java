package dev.jcompose.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.ExitCode;
import dev.jcompose.content.ContentStore;
import dev.jcompose.content.Digest;
import dev.jcompose.host.HostPaths;
import dev.jcompose.image.testing.FakeRegistry;
import dev.jcompose.image.testing.TestImage;
import dev.jcompose.image.testing.TestImages;
import dev.jcompose.image.testing.TestIndex;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls from a scripted registry on 127.0.0.1: verification, resume, auth, platforms, mirrors. */
class ImagePullerTest {
    private static final Platform AMD64 = Platform.parse("linux/amd64");

    @TempDir
    Path tmp;

    private FakeRegistry registry;
    private ImageStore store;
    private ContentStore content;
    private TestImage image;

    @BeforeEach
    void setUp() {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        registry = new FakeRegistry();
        store = ImageStore.under(new HostPaths(tmp.resolve("data"), tmp.resolve("run")));
        content = store.content();
        image = TestImages.busybox().cmd("echo", "pulled").build();
        registry.add("tools/busybox", "1", image);
    }

    @AfterEach
    void tearDown() {
        if (registry != null) {
            registry.close();
        }
    }

    private RegistryConfig config() {
        return RegistryConfig.defaults(Map.of("HOME", tmp.toString())).withDockerConfig(tmp.resolve("no-config.json"));
    }

    private ImagePuller puller(RegistryConfig c) {
        return new ImagePuller(store, c, ImagePuller.defaultHttpClient(c));
    }

    private ImageReference ref(String repoAndTag) {
        return ImageReference.parse(registry.host() + "/" + repoAndTag);
    }

    private String layerPath() {
        return "/v2/tools/busybox/blobs/" + image.layerDigest();
    }

    @Test
    void pullsVerifiesAndReportsProgress() throws Exception {
        Map<Digest, Long> lastProgress = new ConcurrentHashMap<>();
        List<String> finished = new CopyOnWriteArrayList<>();
        PullListener listener = new PullListener() {
            @Override
            public void progress(Descriptor blob, long done, long total) {
                assertThat(done).isLessThanOrEqualTo(total);
                lastProgress.put(blob.digest(), done);
            }

            @Override
            public void finished(Descriptor blob, boolean alreadyPresent) {
                finished.add(blob.digest().shortHex() + (alreadyPresent ? " present" : " pulled"));
            }
        };
        ImageRecord r = puller(config()).pull(ref("tools/busybox:1"), AMD64, listener);
        assertThat(r.name()).isEqualTo(registry.host() + "/tools/busybox:1");
        assertThat(r.manifestDigest()).isEqualTo(image.manifestDigest());
        assertThat(r.target()).isEqualTo(image.manifestDigest());
        assertThat(r.config().cmd()).containsExactly("echo", "pulled");
        assertThat(content.list())
                .containsExactlyInAnyOrderElementsOf(image.blobs().keySet());
        for (LayerBlob l : store.layers(r)) {
            assertThat(Digest.sha256(Files.readAllBytes(l.path()))).isEqualTo(l.digest());
        }
        assertThat(lastProgress).containsEntry(image.layerDigest(), (long) image.layer().length);
        assertThat(finished)
                .containsExactlyInAnyOrder(
                        image.layerDigest().shortHex() + " pulled",
                        image.configDigest().shortHex() + " pulled");
        assertThat(store.get(registry.host() + "/tools/busybox:1")).isEqualTo(r);

        finished.clear();
        int before = registry.requests().size();
        puller(config()).pull(ref("tools/busybox:1"), AMD64, listener);
        assertThat(finished)
                .containsExactlyInAnyOrder(
                        image.layerDigest().shortHex() + " present",
                        image.configDigest().shortHex() + " present");
        assertThat(registry.requests().subList(before, registry.requests().size()))
                .containsExactly("GET /v2/tools/busybox/manifests/1");
    }

    @Test
    void aStalledDownloadTimesOutAndLeavesAResumablePartial() {
        registry.stall(image.layerDigest());
        RegistryConfig c = config().withTimeout(java.time.Duration.ofMillis(500));
        assertThatThrownBy(() -> puller(c).pull(ref("tools/busybox:1"), AMD64, PullListener.NONE))
                .isInstanceOf(RegistryException.class)
                .hasMessageMatching("pull .*/tools/busybox:1: downloading layer " + image.layerDigest()
                        + " from http://" + registry.host() + " stalled: no data for 0\\.5s after \\d+ of "
                        + image.layer().length + " bytes")
                .extracting(e -> ((RegistryException) e).hint())
                .isEqualTo("pull again: the download resumes where it stopped");
        assertThat(content.partialIngests())
                .containsExactly("sha256-" + image.layerDigest().hex() + ".partial");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void refusesHugeManifests() {
        registry.addRawManifest("tools/huge", "1", new byte[RegistryClient.MAX_DOCUMENT + 1]);
        assertThatThrownBy(() -> puller(config()).pull(ref("tools/huge:1"), AMD64, PullListener.NONE))
                .hasMessage("manifest tools/huge:1 from http://" + registry.host() + " is larger than 4 MiB");
    }

    @Test
    void downloadsAreBounded() {
        puller(config().withMaxConcurrentDownloads(1)).pull(ref("tools/busybox:1"), AMD64, PullListener.NONE);
        assertThat(registry.maxConcurrentBlobDownloads()).isEqualTo(1);
    }

    @Test
    void pullsByDigest() {
        ImageReference byDigest = ImageReference.parse(registry.host() + "/tools/busybox@" + image.manifestDigest());
        ImageRecord r = puller(config()).pull(byDigest, AMD64, PullListener.NONE);
        assertThat(r.name()).isEqualTo(registry.host() + "/tools/busybox@" + image.manifestDigest());
        Digest other = Digest.sha256(new byte[] {1});
        assertThatThrownBy(() -> puller(config())
                        .pull(
                                ImageReference.parse(registry.host() + "/tools/busybox@" + other),
                                AMD64,
                                PullListener.NONE))
                .hasMessageStartingWith(
                        "manifest tools/busybox:" + other + ": HTTP 404 from http://" + registry.host());
    }

    @Test
    void corruptedLayerIsRejectedAndNothingIsStored() {
        registry.corrupt(image.layerDigest());
        assertThatThrownBy(() -> puller(config()).pull(ref("tools/busybox:1"), AMD64, PullListener.NONE))
                .isInstanceOf(RegistryException.class)
                .hasMessageStartingWith("pull " + registry.host() + "/tools/busybox:1: layer " + image.layerDigest()
                        + " from http://" + registry.host() + " is corrupt: failed verification: received "
                        + image.layer().length + " bytes hashing to sha256:")
                .satisfies(e -> {
                    assertThat(((RegistryException) e).exitCode()).isEqualTo(ExitCode.PULL);
                    assertThat(((RegistryException) e).hint()).startsWith("the registry or a proxy served wrong bytes");
                });
        assertThat(content.list()).isEmpty();
        assertThat(content.partialIngests()).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void interruptedLayerResumesWithRange() throws Exception {
        int cut = image.layer().length / 2;
        registry.cutAfter(image.layerDigest(), cut, 1);
        assertThatThrownBy(() -> puller(config()).pull(ref("tools/busybox:1"), AMD64, PullListener.NONE))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("layer " + image.layerDigest() + " failed")
                .extracting(e -> ((RegistryException) e).hint())
                .isEqualTo("pull again: the download resumes where it stopped");
        assertThat(content.contains(image.layerDigest())).isFalse();
        assertThat(content.partialIngests())
                .containsExactly("sha256-" + image.layerDigest().hex() + ".partial");
        assertThat(store.list()).isEmpty();
        // How much arrived before the cut depends on TCP buffering; the resume must start exactly there.
        long kept = Files.size(
                content.root().resolve("ingest/sha256-" + image.layerDigest().hex() + ".partial"));
        assertThat(kept).isPositive().isLessThanOrEqualTo(cut);

        List<Long> firstProgress = new ArrayList<>();
        ImageRecord r = puller(config()).pull(ref("tools/busybox:1"), AMD64, new PullListener() {
            @Override
            public synchronized void progress(Descriptor blob, long done, long total) {
                if (blob.digest().equals(image.layerDigest()) && firstProgress.isEmpty()) {
                    firstProgress.add(done);
                }
            }
        });
        assertThat(r.manifestDigest()).isEqualTo(image.manifestDigest());
        assertThat(registry.requests()).contains("GET " + layerPath() + " Range: bytes=" + kept + "-");
        assertThat(firstProgress).containsExactly(kept);
        assertThat(content.partialIngests()).isEmpty();
        assertThat(content.read(image.layerDigest())).isEqualTo(image.layer());
    }

    @Test
    void resumeRestartsCleanlyWhenTheRegistryIgnoresRangeOrThePrefixIsWrong() throws Exception {
        registry.ranges(false).cutAfter(image.layerDigest(), 1000, 1);
        assertThatThrownBy(() -> puller(config()).pull(ref("tools/busybox:1"), AMD64, PullListener.NONE))
                .isInstanceOf(RegistryException.class);
        puller(config()).pull(ref("tools/busybox:1"), AMD64, PullListener.NONE);
        assertThat(content.read(image.layerDigest())).isEqualTo(image.layer());

        // A partial file whose bytes are not the blob's (e.g. a crash while writing garbage): restart.
        store.remove(registry.host() + "/tools/busybox:1");
        registry.ranges(true);
        Path partial =
                content.root().resolve("ingest/sha256-" + image.layerDigest().hex() + ".partial");
        Files.write(partial, new byte[4096]);
        puller(config()).pull(ref("tools/busybox:1"), AMD64, PullListener.NONE);
        assertThat(content.read(image.layerDigest())).isEqualTo(image.layer());
        assertThat(registry.requests()).contains("GET " + layerPath() + " Range: bytes=4096-");
        assertThat(content.partialIngests()).isEmpty();
    }

    @Test
    void bearerTokenFlowWithCredentialsFromDockerConfig() throws Exception {
        Credentials creds = new Credentials("alice", "wonderland");
        registry.requireBearer(creds);
        assertThatThrownBy(() -> puller(config()).pull(ref("tools/busybox:1"), AMD64, PullListener.NONE))
                .isInstanceOf(RegistryException.class)
                .hasMessage("token server http://" + registry.host() + "/token refused a token (HTTP 401)")
                .extracting(e -> ((RegistryException) e).hint())
                .isEqualTo("log in (`docker login`) so ~/.docker/config.json has credentials");

        Path dockerConfig = tmp.resolve("docker/config.json");
        Files.createDirectories(dockerConfig.getParent());
        Files.writeString(
                dockerConfig,
                "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\""
                        + Base64.getEncoder().encodeToString("alice:wonderland".getBytes()) + "\"}}}");
        ImageRecord r =
                puller(config().withDockerConfig(dockerConfig)).pull(ref("tools/busybox:1"), AMD64, PullListener.NONE);
        assertThat(r.manifestDigest()).isEqualTo(image.manifestDigest());
        assertThat(registry.requests()).contains("GET /token?service=fake&scope=repository%3Atools%2Fbusybox%3Apull");
        // one token per pull (the failed one and this one): the blobs reuse the cached token
        assertThat(registry.requests().stream()
                        .filter(s -> s.startsWith("GET /token"))
                        .count())
                .isEqualTo(2);
    }

    @Test
    void blobRedirectsToAnotherHostCarryNoCredentials() throws Exception {
        try (FakeRegistry storage = new FakeRegistry()) {
            storage.add("unused", "1", image);
            registry.requireBearer(null)
                    .redirectBlobsTo(
                            URI.create("http://localhost:" + storage.uri().getPort()));
            ImageRecord r = puller(config()).pull(ref("tools/busybox:1"), AMD64, PullListener.NONE);
            assertThat(r.manifestDigest()).isEqualTo(image.manifestDigest());
            assertThat(storage.requests())
                    .containsExactlyInAnyOrder(
                            "STORAGE /storage/" + image.layerDigest() + " without auth",
                            "STORAGE /storage/" + image.configDigest() + " without auth");
        }
    }

    @Test
    void picksThePlatformFromAnIndex() {
        TestIndex index = TestImages.twoPlatforms();
        registry.add("multi", "1", index);
        ImageRecord arm = puller(config()).pull(ref("multi:1"), Platform.parse("linux/arm64/v8"), PullListener.NONE);
        assertThat(arm.target()).isEqualTo(index.digest());
        assertThat(arm.manifestDigest()).isEqualTo(index.images().get(1).manifestDigest());
        assertThat(arm.config().env()).contains("PLATFORM=arm64");
        assertThat(content.contains(index.digest())).isTrue();
        assertThat(content.contains(index.images().get(0).manifestDigest())).isFalse();
        assertThatThrownBy(
                        () -> puller(config()).pull(ref("multi:1"), Platform.parse("linux/riscv64"), PullListener.NONE))
                .hasMessage(
                        "pull " + registry.host() + "/multi:1: no image for platform linux/riscv64 (the index offers "
                                + "linux/amd64, linux/arm64)")
                .extracting(e -> ((RegistryException) e).hint())
                .isEqualTo("set `platform:` on the service to one of those, or use an image built for linux/riscv64");
    }

    @Test
    void mirrorsAreTriedFirstAndFallBackToTheRegistry() throws Exception {
        // The upstream registry is the fake; a mirror nobody listens on fails first.
        int closedPort;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        RegistryConfig c = config().withMirror(registry.host(), URI.create("http://127.0.0.1:" + closedPort));
        ImageRecord r = puller(c).pull(ref("tools/busybox:1"), AMD64, PullListener.NONE);
        assertThat(r.manifestDigest()).isEqualTo(image.manifestDigest());

        try (FakeRegistry mirror = new FakeRegistry()) {
            TestImage other = TestImages.busybox().cmd("from-mirror").build();
            mirror.add("tools/busybox", "2", other);
            RegistryConfig viaMirror = config().withMirror(registry.host(), mirror.uri());
            ImageRecord m = puller(viaMirror).pull(ref("tools/busybox:2"), AMD64, PullListener.NONE);
            assertThat(m.config().cmd()).containsExactly("from-mirror");
            assertThat(registry.requests()).noneMatch(s -> s.contains("manifests/2"));
        }
    }

    @Test
    void unknownImageAndUnreachableRegistryFailClearly() throws Exception {
        assertThatThrownBy(() -> puller(config()).pull(ref("tools/nope:1"), AMD64, PullListener.NONE))
                .isInstanceOf(RegistryException.class)
                .hasMessage("manifest tools/nope:1: HTTP 404 from http://" + registry.host()
                        + ": {\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}")
                .extracting(e -> ((RegistryException) e).hint())
                .isEqualTo("check the image name and tag (and that you may see the repository)");
        int closedPort;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        assertThatThrownBy(() -> puller(config())
                        .pull(ImageReference.parse("127.0.0.1:" + closedPort + "/x"), AMD64, PullListener.NONE))
                .hasMessageStartingWith("cannot reach http://127.0.0.1:" + closedPort + ": java.net.ConnectException");
    }
}
