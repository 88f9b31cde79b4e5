package dev.jcompose.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.content.Digest;
import dev.jcompose.host.HostPaths;
import dev.jcompose.image.testing.ImageArchives;
import dev.jcompose.image.testing.TestImage;
import dev.jcompose.image.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {
    @TempDir
    Path tmp;

    private ImageStore store;
    private TestImage image;

    @BeforeEach
    void setUp() {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        store = ImageStore.under(new HostPaths(tmp.resolve("data"), tmp.resolve("run")));
        image = TestImages.busybox().build();
        ImageArchives.ociLayout(tmp.resolve("layout"), "example.com/base:1", image);
        new ImageLoader(store).load(tmp.resolve("layout"), Platform.parse("linux/amd64"));
    }

    @Test
    void twoProcessesTaggingAtOnceLoseNoUpdate() throws Exception {
        int n = 40;
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        IndexWriterMain.class.getName(),
                        tmp.resolve("data").toString(),
                        "child",
                        image.manifestDigest().toString(),
                        String.valueOf(n))
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile())
                .start();
        try {
            for (int i = 0; i < n; i++) {
                store.put("example.com/parent:" + i, image.manifestDigest(), image.manifestDigest());
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue())
                .as(Files.readString(tmp.resolve("child.log")))
                .isZero();
        assertThat(store.list()).hasSize(2 * n + 1);
        assertThat(store.list().getFirst().name()).isEqualTo("example.com/base:1");
    }

    @Test
    void threadsTaggingAtOnceLoseNoUpdate() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<ImageRecord>> fs = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String name = "example.com/t:" + i;
                fs.add(pool.submit(() -> store.put(name, image.manifestDigest(), image.manifestDigest())));
            }
            for (Future<ImageRecord> f : fs) {
                f.get();
            }
        }
        assertThat(store.list()).hasSize(21);
    }

    @Test
    void pinnedBlobsSurviveGcAcrossStoreInstancesUntilUnpinned() {
        Digest pinned = store.content().write("held by the build cache".getBytes());
        Digest gone = Digest.sha256("never stored".getBytes());
        assertThat(store.pin("cache-1", List.of(pinned))).isTrue();
        assertThat(store.pin("cache-2", List.of(pinned, gone))).isFalse();
        ImageStore other = ImageStore.under(new HostPaths(tmp.resolve("data"), tmp.resolve("run")));
        assertThat(other.pinHolders()).containsExactly("cache-1", "cache-2");
        assertThat(other.gc()).isEmpty();
        store.unpin("cache-1");
        store.unpin("cache-2");
        assertThat(store.gc()).containsExactly(pinned);
        assertThat(store.pinHolders()).isEmpty();
    }

    @Test
    @SuppressWarnings("try") // the lock/lease is held for the block, not used in it
    void gcSparesLeasedBlobsAndForgetsLeasesOfDeadProcesses() throws Exception {
        Digest orphan = store.content().write("not referenced".getBytes());
        Digest leased = store.content().write("being pulled".getBytes());
        try (AutoCloseable lease = store.lease(List.of(leased))) {
            assertThat(store.gc()).containsExactly(orphan);
            assertThat(store.content().contains(leased)).isTrue();
        }
        Path dead = tmp.resolve("data/images/leases/" + Long.MAX_VALUE / 2 + "-1");
        Files.writeString(dead, leased + "\n");
        assertThat(store.gc()).containsExactly(leased);
        assertThat(Files.exists(dead)).isFalse();
        assertThat(store.content().list())
                .containsExactlyInAnyOrderElementsOf(image.blobs().keySet());
    }

    @Test
    void findsByNameManifestDigestAndId() {
        ImageRecord r = store.get("example.com/base:1");
        assertThat(store.find(image.manifestDigest().toString())).contains(r);
        assertThat(store.find(image.configDigest().toString())).contains(r);
        assertThat(store.find("example.com/base")).isEmpty();
        assertThat(r.size()).isEqualTo(image.layer().length);
    }
}
