package dev.jcompose.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentStoreTest {
    @TempDir
    Path root;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void storesUnderAlgorithmAndHexAndListsSorted() throws IOException {
        ContentStore store = new ContentStore(root);
        Digest b = store.write(bytes("hello"));
        Digest a = store.write(bytes("world"));
        assertThat(b).hasToString("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assertThat(store.blobPath(b)).isEqualTo(root.resolve("blobs/sha256/" + b.hex()));
        assertThat(Files.readString(store.blobPath(b))).isEqualTo("hello");
        assertThat(store.list()).containsExactly(a.compareTo(b) < 0 ? new Digest[] {a, b} : new Digest[] {b, a});
        assertThat(store.read(a)).isEqualTo(bytes("world"));
        assertThat(store.partialIngests()).isEmpty();
        assertThat(store.delete(a)).isTrue();
        assertThat(store.delete(a)).isFalse();
        assertThat(store.list()).containsExactly(b);
    }

    @Test
    void mismatchedBytesLeaveNothingBehind() {
        ContentStore store = new ContentStore(root);
        Digest expected = Digest.sha256(bytes("expected"));
        assertThatThrownBy(() -> store.write(expected, bytes("tampered")))
                .isInstanceOf(DigestMismatchException.class)
                .hasMessage("blob " + expected + " failed verification: received 8 bytes hashing to "
                        + Digest.sha256(bytes("tampered")) + ", expected 8 bytes");
        assertThatThrownBy(() -> store.write(expected, 3, new ByteArrayInputStream(bytes("expected"))))
                .hasMessage("blob " + expected + " failed verification: more than the announced 3 bytes arrived");
        assertThat(store.list()).isEmpty();
        assertThat(store.partialIngests()).isEmpty();
        assertThat(store.contains(expected)).isFalse();
        assertThatThrownBy(() -> store.require(expected))
                .hasMessage("blob " + expected + " is not in the content store " + root);
    }

    @Test
    void interruptedIngestResumesFromItsOffset() {
        ContentStore store = new ContentStore(root);
        byte[] data = new byte[300_000];
        Arrays.fill(data, (byte) 7);
        data[299_999] = 1;
        Digest d = Digest.sha256(data);
        try (Ingest in = store.ingest(d, data.length)) {
            assertThat(in.offset()).isZero();
            assertThatThrownBy(() -> in.append(failingAfter(data, 100_000), n -> {}))
                    .isInstanceOf(ContentException.class)
                    .hasMessageContaining("interrupted after 100000 bytes");
        }
        assertThat(store.contains(d)).isFalse();
        assertThat(store.partialIngests()).containsExactly("sha256-" + d.hex() + ".partial");
        List<Long> progress = new ArrayList<>();
        try (Ingest in = store.ingest(d, data.length)) {
            assertThat(in.offset()).isEqualTo(100_000);
            in.append(new ByteArrayInputStream(data, 100_000, 200_000), progress::add);
            in.commit();
        }
        assertThat(progress.getLast()).isEqualTo(300_000L);
        assertThat(store.read(d)).isEqualTo(data);
        assertThat(store.partialIngests()).isEmpty();
        try (Ingest again = store.ingest(d, data.length)) {
            assertThat(again.alreadyStored()).isTrue();
        }
    }

    @Test
    void aWrongPrefixFailsVerificationAndIsDropped() throws IOException {
        ContentStore store = new ContentStore(root);
        byte[] data = bytes("the real blob contents");
        Digest d = Digest.sha256(data);
        Files.createDirectories(root.resolve("ingest"));
        Files.write(root.resolve("ingest/sha256-" + d.hex() + ".partial"), bytes("garbage"));
        try (Ingest in = store.ingest(d, data.length)) {
            assertThat(in.offset()).isEqualTo(7);
            in.append(new ByteArrayInputStream(data, 7, data.length - 7), n -> {});
            assertThatThrownBy(in::commit).isInstanceOf(DigestMismatchException.class);
        }
        assertThat(store.partialIngests()).isEmpty();
        assertThat(store.list()).isEmpty();
        // A partial longer than the blob is dropped at once.
        Files.write(root.resolve("ingest/sha256-" + d.hex() + ".partial"), new byte[data.length + 1]);
        try (Ingest in = store.ingest(d, data.length)) {
            assertThat(in.offset()).isZero();
        }
    }

    @Test
    void digestsParseStrictly() {
        assertThat(Digest.parse("sha256:" + "0".repeat(64)).shortHex()).isEqualTo("000000000000");
        assertThatThrownBy(() -> Digest.parse("sha256"))
                .hasMessage("invalid digest \"sha256\": a digest is written algorithm:hex");
        assertThatThrownBy(() -> Digest.parse("sha256:ABC")).isInstanceOf(InvalidDigestException.class);
        assertThatThrownBy(() -> Digest.parse("md5:" + "0".repeat(32)))
                .hasMessage(
                        "invalid digest \"md5:00000000000000000000000000000000\": unsupported digest algorithm \"md5\"");
        assertThat(Digest.parse("sha512:" + "a".repeat(128)).algorithm()).isEqualTo("sha512");
    }

    /** A stream that yields {@code limit} bytes and then fails like a dropped connection. */
    private static InputStream failingAfter(byte[] data, int limit) {
        return new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                if (pos >= limit) {
                    throw new IOException("connection reset");
                }
                return data[pos++] & 0xff;
            }
        };
    }

    @Test
    void aStreamedBlobIsStoredUnderTheDigestOfWhatWasWrittenAndAFailedOneLeavesNothing() throws IOException {
        ContentStore store = new ContentStore(root);
        ContentStore.Written w = store.write(out -> {
            out.write(bytes("hel"));
            out.write('l');
            out.write(bytes("o"));
        });
        assertThat(w).isEqualTo(new ContentStore.Written(Digest.sha256(bytes("hello")), 5));
        assertThat(store.write(out -> out.write(bytes("hello")))).isEqualTo(w);
        assertThatThrownBy(() -> store.write(out -> {
                    out.write(bytes("half"));
                    throw new IOException("disk full");
                }))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("disk full");
        assertThat(store.list()).containsExactly(w.digest());
        try (var s = Files.list(root.resolve("ingest"))) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("lock")))
                    .isEmpty();
        }
    }
}
