package dev.jcompose.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.content.ContentStore;
import dev.jcompose.content.Digest;
import dev.jcompose.host.HostPaths;
import dev.jcompose.image.ImageStore;
import dev.jcompose.image.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCacheTest {
    static final String KEY = "a".repeat(64);
    static final String OTHER = "b".repeat(64);
    static final Instant T = Instant.parse("2024-03-04T05:06:07.5Z");

    @TempDir
    Path tmp;

    HostPaths paths;
    ImageStore images;
    BuildCache cache;

    @BeforeEach
    void setUp() {
        paths = new HostPaths(tmp.resolve("data"), tmp.resolve("run"));
        images = ImageStore.under(paths);
        cache = new BuildCache(paths, images);
    }

    private CacheEntry entryWithLayer(String text) {
        ContentStore.Written blob = images.content().write(out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        BuiltLayer layer = new BuiltLayer(blob.digest(), blob.size());
        ImageDraft draft = ImageDraft.scratch(new Platform("linux", "amd64", ""))
                .withLayer(layer, new HistoryEntry(T, "RUN /bin/sh -c " + text + " # buildkit", false));
        return new CacheEntry(draft, layer, T);
    }

    @Test
    void aStoredStepComesBackWithTheSameConfigBytes() {
        CacheEntry e = entryWithLayer("make");
        assertThat(cache.get(KEY)).isEmpty();
        assertThat(cache.put(KEY, e)).isTrue();

        CacheEntry hit = cache.get(KEY).orElseThrow();
        assertThat(hit.layer()).isEqualTo(e.layer());
        assertThat(hit.created()).isEqualTo(T);
        assertThat(DraftJson.write(hit.draft())).isEqualTo(DraftJson.write(e.draft()));
        assertThat(hit.draft().layers()).isEqualTo(e.draft().layers());
        assertThat(new BuildCache(paths, images).keys()).containsExactly(KEY);
    }

    @Test
    void aStepWithoutLayerIsCachedToo() {
        ImageDraft d =
                ImageDraft.scratch(new Platform("linux", "amd64", "")).withStep(new HistoryEntry(T, "ENV A=b", true));
        cache.put(KEY, new CacheEntry(d.withEnv("A", "b"), null, T));
        assertThat(cache.get(KEY).orElseThrow().layerOptional()).isEmpty();
        assertThat(cache.get(KEY).orElseThrow().draft().env()).containsExactly("A=b");
    }

    @Test
    void aCorruptEntryIsAMissAndIsRemoved() throws IOException {
        cache.put(KEY, entryWithLayer("make"));
        Path file = paths.dataRoot().resolve("build/cache/" + KEY + ".json");
        Files.writeString(file, "{\"version\":1,\"config\":\"{tru");
        assertThat(cache.get(KEY)).isEmpty();
        assertThat(file).doesNotExist();
        assertThat(images.pinHolders()).isEmpty();
    }

    @Test
    void anEntryWhoseBlobIsGoneIsAMiss() {
        CacheEntry e = entryWithLayer("make");
        cache.put(KEY, e);
        images.content().delete(e.layer().digest());
        assertThat(cache.get(KEY)).isEmpty();
        assertThat(cache.keys()).isEmpty();
    }

    @Test
    void gcKeepsWhatTheCacheHoldsAndPruneFreesIt() throws IOException {
        CacheEntry e = entryWithLayer("make");
        cache.put(KEY, e);
        cache.put(OTHER, entryWithLayer("test"));
        Digest orphan = images.content().write("nobody's".getBytes(StandardCharsets.UTF_8));
        Path mount = cache.cacheMount("/root/.cache/go-build");
        Files.writeString(mount.resolve("obj"), "12345");
        assertThat(cache.cacheMount("/root/.cache/go-build")).isEqualTo(mount);
        assertThat(mount.getParent()).isEqualTo(paths.dataRoot().resolve("build/mounts"));

        assertThat(images.gc()).containsExactly(orphan);
        assertThat(images.content().contains(e.layer().digest())).isTrue();

        BuildCache.Pruned pruned = cache.prune();
        assertThat(pruned.entries()).isEqualTo(2);
        assertThat(pruned.blobs()).hasSize(2).contains(e.layer().digest());
        assertThat(pruned.bytes()).isEqualTo(5 + "make".length() + "test".length());
        assertThat(cache.get(KEY)).isEmpty();
        assertThat(mount).doesNotExist();
        assertThat(images.content().list()).isEmpty();
    }

    @Test
    void aBlobCollectedBeforeThePinMakesNoEntry() {
        CacheEntry e = entryWithLayer("make");
        images.gc();
        assertThat(cache.put(KEY, e)).isFalse();
        assertThat(cache.get(KEY)).isEqualTo(Optional.empty());
        assertThat(images.pinHolders()).isEmpty();
    }

    @Test
    void keysAreSha256Hex() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache.get("../x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(KEY)).allMatch(k -> k.length() == 64);
    }
}
