package dev.jcompose.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.host.HostPaths;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots of image layers are verified against the config's diff_id: the hash of the uncompressed tar. */
@Tag("root")
class SnapshotDiffIdTest {
    @TempDir
    Path tmp;

    private static String sha256(Path file) throws Exception {
        return "sha256:"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void aLayerIsKeptOnlyWhenItsUncompressedStreamHashesToTheDiffId() throws Exception {
        SnapshotStore store =
                new SnapshotStore(new HostPaths(tmp.resolve("d"), tmp.resolve("r")), UnpackLimits.DEFAULT);
        Path tar = TestLayers.write(tmp.resolve("a.tar"), l -> l.file("a", "1"));
        Path gz = tmp.resolve("a.tar.gz");
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(gz))) {
            Files.copy(tar, out);
        }
        String diffId = sha256(tar);
        String wrong = "sha256:" + "0".repeat(64);

        assertThatThrownBy(() -> store.ensure(wrong, gz, wrong))
                .isInstanceOf(LayerUnpackException.class)
                .hasMessage("layer a.tar.gz unpacks to " + diffId + ", but the image config lists diff_id " + wrong
                        + " (in " + gz + ")");
        assertThat(store.digests()).isEmpty();
        try (Stream<Path> t = Files.list(store.root().resolve("tmp"))) {
            assertThat(t).isEmpty();
        }

        List<Snapshot> s = store.ensureAll(
                List.of(new SnapshotStore.Layer(diffId, gz, diffId), new SnapshotStore.Layer(diffId, tar, diffId)));
        assertThat(s.get(0)).isEqualTo(s.get(1));
        assertThat(Files.readString(s.get(0).dir().resolve("a"))).isEqualTo("1");
        assertThat(store.digests()).containsExactly(diffId);
        assertThat(store.find(diffId)).contains(s.get(0));
        assertThat(store.find(wrong)).isEmpty();
    }
}
