package dev.jcompose.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.host.HostPaths;
import dev.jcompose.host.HostSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hostile-layer corpus: every crafted tar is rejected or made harmless; the canary never changes. */
@Tag("root")
class HostileLayerTest {
    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    @TempDir
    Path tmp;

    Path outside;
    Path canary;
    SnapshotStore store;
    HostSnapshot before;

    @BeforeEach
    void setUp() throws IOException {
        outside = Files.createDirectories(tmp.resolve("outside"));
        canary = Files.writeString(outside.resolve("canary"), "untouched");
        store = new SnapshotStore(
                new HostPaths(tmp.resolve("data"), tmp.resolve("run")), new UnpackLimits(1 << 20, 100));
        before = HostSnapshot.take(outside).scopedTo(tmp.toString());
    }

    @AfterEach
    void canaryUntouched() throws IOException {
        assertThat(Files.readString(canary)).isEqualTo("untouched");
        HostSnapshot.take(outside).scopedTo(tmp.toString()).assertSameAs(before);
    }

    private Path layer(Consumer<TestLayers> body) {
        return TestLayers.write(tmp.resolve("layer.tar"), body);
    }

    private void rejected(Consumer<TestLayers> body, String message) throws IOException {
        Path blob = layer(body);
        assertThatThrownBy(() -> store.ensure(DIGEST, blob))
                .isInstanceOf(LayerUnpackException.class)
                .hasMessage(message + " (in " + blob + ")");
        assertThat(Files.exists(store.root().resolve("sha256-" + "ab".repeat(32))))
                .isFalse();
        try (Stream<Path> s = Files.list(store.root().resolve("tmp"))) {
            assertThat(s).isEmpty();
        }
    }

    private Path fs() {
        return store.root().resolve("sha256-" + "ab".repeat(32)).resolve("fs");
    }

    @Test
    void traversal() throws IOException {
        rejected(l -> l.file("../outside/canary", "pwned"), "layer entry '../outside/canary' climbs out with '..'");
    }

    @Test
    void nestedTraversal() throws IOException {
        rejected(
                l -> l.dir("a", 0755).file("a/../../outside/canary", "pwned"),
                "layer entry 'a/../../outside/canary' climbs out with '..'");
    }

    @Test
    void absolutePathIsRootedInTheSnapshot() throws IOException {
        String abs = canary.toString();
        store.ensure(
                DIGEST,
                layer(l ->
                        l.entry(sized(new TarArchiveEntry(abs, true), 5), "pwned".getBytes(StandardCharsets.UTF_8))));
        assertThat(Files.readString(fs().resolve(abs.substring(1)))).isEqualTo("pwned");
    }

    @Test
    void dotDotAboveAnAbsoluteNameStaysAtTheRoot() throws IOException {
        String abs = "/../../.." + canary;
        store.ensure(
                DIGEST,
                layer(l ->
                        l.entry(sized(new TarArchiveEntry(abs, true), 5), "pwned".getBytes(StandardCharsets.UTF_8))));
        assertThat(Files.readString(fs().resolve(canary.toString().substring(1))))
                .isEqualTo("pwned");
    }

    @Test
    void hardlinkToAnAbsoluteHostPathIsRefused() throws IOException {
        String first = canary.getRoot().relativize(canary).getName(0).toString();
        rejected(
                l -> l.hardlink("h", canary.toString()),
                "layer entry 'h' is a hardlink through '" + first + "', which is not a directory of the layer");
    }

    @Test
    void absoluteHardlinkTargetsAreRootedInTheSnapshot() throws IOException {
        store.ensure(
                DIGEST,
                layer(l -> l.file("etc/passwd", "root")
                        .hardlink("h", "/etc/passwd")
                        .hardlink("h2", "/../../etc/passwd")));
        assertThat(Files.getAttribute(fs().resolve("etc/passwd"), "unix:nlink")).isEqualTo(3);
        assertThat(Files.readString(fs().resolve("h2"))).isEqualTo("root");
    }

    @Test
    void entriesNamingTheRootAreIgnored() throws IOException {
        TarArchiveEntry slash = new TarArchiveEntry("/", true);
        slash.setMode(0700);
        slash.setUserId(1000);
        TarArchiveEntry dot = new TarArchiveEntry("./");
        dot.setMode(0700);
        store.ensure(DIGEST, layer(l -> l.entry(slash, null).entry(dot, null).file("./f", "in")));
        assertThat(Files.getAttribute(fs(), "unix:mode")).isEqualTo(040755);
        assertThat(Files.getAttribute(fs(), "unix:uid")).isEqualTo(0);
        assertThat(Files.readString(fs().resolve("f"))).isEqualTo("in");
    }

    @Test
    void writeThroughSymlinkEscape() throws IOException {
        rejected(
                l -> l.symlink("evil", outside.toString()).file("evil/canary", "pwned"),
                "layer entry 'evil/canary' goes through the symlink 'evil'");
    }

    @Test
    void writeThroughRelativeSymlink() throws IOException {
        rejected(
                l -> l.dir("a", 0755)
                        .symlink("a/up", "../../../../../../../../")
                        .file("a/up/" + canary, "pwned"),
                "layer entry 'a/up/" + canary + "' goes through the symlink 'a/up'");
    }

    @Test
    void hardlinkEscape() throws IOException {
        rejected(l -> l.hardlink("h", "../outside/canary"), "layer entry '../outside/canary' climbs out with '..'");
    }

    @Test
    void hardlinkThroughSymlinkedDirectory() throws IOException {
        rejected(
                l -> l.symlink("o", outside.toString()).hardlink("h", "o/canary"),
                "layer entry 'h' is a hardlink through 'o', which is not a directory of the layer");
    }

    @Test
    void hardlinkToEscapingSymlinkStaysASymlink() throws IOException {
        store.ensure(DIGEST, layer(l -> l.symlink("s", canary.toString()).hardlink("h", "s")));
        assertThat(Files.isSymbolicLink(fs().resolve("h"))).isTrue();
        assertThat(Files.readSymbolicLink(fs().resolve("h"))).isEqualTo(canary);
    }

    @Test
    void whiteoutThroughSymlink() throws IOException {
        rejected(
                l -> l.symlink("d", outside.toString()).file("d/.wh.canary", ""),
                "layer entry 'd/.wh.canary' goes through the symlink 'd'");
    }

    @Test
    void deviceNodesAreNotCreated() throws IOException {
        store.ensure(
                DIGEST,
                layer(l -> l.dir("dev", 0755)
                        .device("dev/mem", TarConstants.LF_CHR, 1, 1)
                        .device("dev/sda", TarConstants.LF_BLK, 8, 0)));
        assertThat(Files.exists(fs().resolve("dev/mem"), LinkOption.NOFOLLOW_LINKS))
                .isFalse();
        assertThat(Files.exists(fs().resolve("dev/sda"), LinkOption.NOFOLLOW_LINKS))
                .isFalse();
    }

    @Test
    void bombBySize() throws IOException {
        Path blob = TestLayers.write(tmp.resolve("bomb.tar.gz"), l -> l.zeros("big", 4 << 20));
        assertThat(Files.size(blob)).isLessThan(64 << 10);
        assertThatThrownBy(() -> store.ensure(DIGEST, blob))
                .hasMessage("layer bomb.tar.gz unpacks to more than 1048576 bytes (the configured limit) (in " + blob
                        + ")");
    }

    @Test
    void bombByEntryCount() throws IOException {
        rejected(
                l -> {
                    for (int i = 0; i < 150; i++) {
                        l.file("f" + i, "");
                    }
                },
                "layer layer.tar has more than 100 entries (the configured limit)");
    }

    @Test
    void overlongNameComponent() throws IOException {
        String name = "x".repeat(300);
        rejected(
                l -> l.file(name, "a"),
                "layer entry '" + name.substring(0, 77) + "...' has a name component longer than 255 bytes");
    }

    @Test
    void longPathsWithinLimitsWork() throws IOException {
        String deep = String.join("/", java.util.Collections.nCopies(30, "d".repeat(100)));
        store.ensure(DIGEST, layer(l -> l.file(deep + "/leaf", "ok")));
        assertThat(Files.readString(fs().resolve(deep + "/leaf"))).isEqualTo("ok");
    }

    @Test
    void forgedOverlayXattrIsDropped() throws IOException {
        TarArchiveEntry e = new TarArchiveEntry("d/");
        e.setMode(0755);
        e.addPaxHeader("SCHILY.xattr.trusted.overlay.opaque", "y");
        e.addPaxHeader("SCHILY.xattr.user.note", "kept");
        store.ensure(DIGEST, layer(l -> l.entry(e, null)));
        NativeFs nfs = new NativeFs();
        assertThat(nfs.getXattr(fs().resolve("d"), "trusted.overlay.opaque")).isNull();
        assertThat(nfs.getXattr(fs().resolve("d"), "user.note")).isEqualTo("kept");
    }

    @Test
    void metadataSetuidOwnershipAndTimesAreKept() throws IOException {
        TarArchiveEntry e = sized(new TarArchiveEntry("bin/su"), 2);
        e.setMode(04755);
        e.setUserId(0);
        e.setGroupId(0);
        e.setModTime(1_600_000_000_000L);
        TarArchiveEntry owned = sized(new TarArchiveEntry("home/app/f"), 2);
        owned.setMode(0640);
        owned.setUserId(1000);
        owned.setGroupId(2000);
        TarArchiveEntry d = new TarArchiveEntry("home/app/");
        d.setMode(0750);
        d.setModTime(1_500_000_000_000L);
        store.ensure(
                DIGEST,
                layer(l -> l.entry(e, "ok".getBytes(StandardCharsets.UTF_8))
                        .entry(d, null)
                        .entry(owned, "ok".getBytes(StandardCharsets.UTF_8))
                        .hardlink("bin/su2", "bin/su")));
        assertThat(Files.getAttribute(fs().resolve("bin/su"), "unix:mode")).isEqualTo(0100000 | 04755);
        assertThat(Files.getAttribute(fs().resolve("bin/su"), "unix:nlink")).isEqualTo(2);
        assertThat(Files.getLastModifiedTime(fs().resolve("bin/su")).toMillis()).isEqualTo(1_600_000_000_000L);
        assertThat(Files.getAttribute(fs().resolve("home/app/f"), "unix:uid")).isEqualTo(1000);
        assertThat(Files.getAttribute(fs().resolve("home/app/f"), "unix:gid")).isEqualTo(2000);
        assertThat(Files.getLastModifiedTime(fs().resolve("home/app")).toMillis())
                .isEqualTo(1_500_000_000_000L);
    }

    @Test
    void whiteoutsBecomeOverlayWhiteouts() throws IOException {
        store.ensure(
                DIGEST,
                layer(l -> l.dir("etc", 0755)
                        .file("etc/.wh.motd", "")
                        .dir("var", 0755)
                        .file("var/.wh..wh..opq", "")));
        Path wh = fs().resolve("etc/motd");
        assertThat(Files.getAttribute(wh, "unix:mode", LinkOption.NOFOLLOW_LINKS))
                .isEqualTo(0020000);
        assertThat(Files.getAttribute(wh, "unix:rdev", LinkOption.NOFOLLOW_LINKS))
                .isEqualTo(0L);
        assertThat(new NativeFs().getXattr(fs().resolve("var"), "trusted.overlay.opaque"))
                .isEqualTo("y");
    }

    private static TarArchiveEntry sized(TarArchiveEntry e, long size) {
        e.setSize(size);
        return e;
    }
}
