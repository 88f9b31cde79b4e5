package dev.jcompose.rootfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A FIFO in a layer is created with its mode and time, without opening it (which would block). */
class LayerUnpackerFifoTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoGetsItsModeAndTimeWithoutBeingOpened() throws IOException {
        int uid = (Integer) Files.getAttribute(tmp, "unix:uid");
        int gid = (Integer) Files.getAttribute(tmp, "unix:gid");
        Instant t = Instant.parse("2022-02-02T02:02:02Z");
        Path blob = TestLayers.write(tmp.resolve("layer.tar"), l -> {
            TarArchiveEntry e = new TarArchiveEntry("pipe", TarConstants.LF_FIFO);
            e.setMode(0640);
            e.setUserId(uid);
            e.setGroupId(gid);
            e.setModTime(FileTime.from(t));
            l.entry(e, new byte[0]);
        });
        Path into = Files.createDirectory(tmp.resolve("fs"));

        new LayerUnpacker(UnpackLimits.DEFAULT).unpack(blob, into);

        Path pipe = into.resolve("pipe");
        assertThat((Integer) Files.getAttribute(pipe, "unix:mode", LinkOption.NOFOLLOW_LINKS))
                .isEqualTo(NativeFs.S_IFIFO | 0640);
        assertThat(Files.getLastModifiedTime(pipe, LinkOption.NOFOLLOW_LINKS).toInstant())
                .isEqualTo(t);
    }
}
