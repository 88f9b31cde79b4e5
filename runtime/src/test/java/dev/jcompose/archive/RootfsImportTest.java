package dev.jcompose.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.host.HostPaths;
import dev.jcompose.image.ImageLoader;
import dev.jcompose.image.ImageRecord;
import dev.jcompose.image.ImageStore;
import dev.jcompose.image.Platform;
import dev.jcompose.image.testing.DeterministicTar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layout {@link RootfsImport} writes is one the runtime's loader verifies and stores. */
class RootfsImportTest {
    @TempDir
    Path dir;

    @Test
    void plainAndGzipTarballsLoadAsOneLayerImages() throws Exception {
        byte[] tar = new DeterministicTar()
                .dir("bin", 0755)
                .file("bin/hello", "#!/bin/sh\necho hi\n")
                .toBytes();
        Files.write(dir.resolve("rootfs.tar"), tar);
        Files.write(dir.resolve("rootfs.tar.gz"), DeterministicTar.gzip(tar));
        ImageStore store = ImageStore.under(new HostPaths(dir.resolve("data"), dir.resolve("run")));
        ImageChanges changes = ImageChanges.parse(List.of("CMD [\"/bin/hello\"]"));

        RootfsImport.write(
                dir.resolve("rootfs.tar"),
                "docker.io/library/hello:1",
                changes,
                Platform.parse("linux/amd64"),
                dir.resolve("plain"));
        RootfsImport.write(
                dir.resolve("rootfs.tar.gz"),
                "docker.io/library/hello:gz",
                changes,
                Platform.parse("linux/amd64"),
                dir.resolve("gz"));
        ImageRecord plain = new ImageLoader(store)
                .load(dir.resolve("plain"), Platform.parse("linux/amd64"))
                .getFirst();
        ImageRecord gz = new ImageLoader(store)
                .load(dir.resolve("gz"), Platform.parse("linux/amd64"))
                .getFirst();

        assertThat(plain.name()).isEqualTo("docker.io/library/hello:1");
        assertThat(plain.config().cmd()).containsExactly("/bin/hello");
        assertThat(plain.config().diffIds()).hasSize(1);
        assertThat(gz.config().diffIds()).isEqualTo(plain.config().diffIds());
        assertThat(gz.id()).as("same content and changes: same image id").isEqualTo(plain.id());
    }
}
