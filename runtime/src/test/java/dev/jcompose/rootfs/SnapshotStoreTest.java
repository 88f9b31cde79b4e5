package dev.jcompose.rootfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.host.HostPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("root")
class SnapshotStoreTest {
    @TempDir
    Path tmp;

    @Test
    void concurrentUnpacksOfOneImageShareSnapshotsAndLeaveNoTempDirs() throws Exception {
        SnapshotStore store =
                new SnapshotStore(new HostPaths(tmp.resolve("d"), tmp.resolve("r")), UnpackLimits.DEFAULT);
        Path a = TestLayers.write(tmp.resolve("a.tar.gz"), l -> l.file("a", "1"));
        Path plain = TestLayers.write(tmp.resolve("b.tar"), l -> l.file("b", "2"));
        Path b = tmp.resolve("b.tar.zst");
        try (var out = new org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream(
                Files.newOutputStream(b))) {
            Files.copy(plain, out);
        }
        String da = "sha256:" + "1".repeat(64);
        String db = "sha256:" + "2".repeat(64);
        List<Snapshot> s = store.ensureAll(List.of(
                new SnapshotStore.Layer(da, a),
                new SnapshotStore.Layer(db, b),
                new SnapshotStore.Layer(da, a),
                new SnapshotStore.Layer(db, b)));
        assertThat(s)
                .extracting(Snapshot::shortName)
                .containsExactly("111111111111", "222222222222", "111111111111", "222222222222");
        assertThat(Files.readString(s.get(0).dir().resolve("a"))).isEqualTo("1");
        assertThat(Files.readString(store.root().resolve("l/222222222222/b"))).isEqualTo("2");
        try (Stream<Path> t = Files.list(store.root().resolve("tmp"))) {
            assertThat(t).isEmpty();
        }
        store.remove(da);
        assertThat(Files.exists(store.root().resolve("sha256-" + "1".repeat(64))))
                .isFalse();
        assertThat(Files.exists(store.root().resolve("l/111111111111"), java.nio.file.LinkOption.NOFOLLOW_LINKS))
                .isFalse();
    }
}
