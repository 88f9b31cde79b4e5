package dev.jcompose.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.JcomposeException;
import dev.jcompose.content.ContentStore;
import dev.jcompose.content.Digest;
import dev.jcompose.image.ImageRecord;
import dev.jcompose.image.ImageStore;
import dev.jcompose.image.MediaTypes;
import dev.jcompose.image.Platform;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCommitTest {
    @TempDir
    Path tmp;

    @Test
    void storesConfigAndManifestAndTagsEveryName() {
        ImageStore images = new ImageStore(new ContentStore(tmp.resolve("content")), tmp.resolve("images"));
        ContentStore.Written blob = images.content().write(out -> out.write("layer".getBytes(StandardCharsets.UTF_8)));
        BuiltLayer layer = new BuiltLayer(blob.digest(), blob.size());
        ImageDraft draft = ImageDraft.scratch(new Platform("linux", "amd64", ""))
                .withCmd(List.of("/app"))
                .withLayer(layer, new HistoryEntry(Instant.EPOCH, "COPY app /app # buildkit", false));

        ImageRecord r = new ImageCommit(images).commit(draft, List.of("app:dev", "registry.local/app:1"));

        assertThat(r.name()).isEqualTo("docker.io/library/app:dev");
        assertThat(r.id()).isEqualTo(Digest.sha256(DraftJson.write(draft)));
        assertThat(r.manifest().mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(r.manifest().config().mediaType()).isEqualTo(MediaTypes.OCI_CONFIG);
        assertThat(r.manifest().layers()).containsExactly(layer.descriptor());
        assertThat(r.config().cmd()).containsExactly("/app");
        assertThat(images.get("registry.local/app:1").id()).isEqualTo(r.id());
        assertThat(images.gc()).isEmpty();
        assertThat(images.layers(r).get(0).diffId()).isEqualTo(layer.digest());
    }

    @Test
    void aMissingLayerIsAClearError() {
        ImageStore images = new ImageStore(new ContentStore(tmp.resolve("content")), tmp.resolve("images"));
        BuiltLayer gone = new BuiltLayer(Digest.parse("sha256:" + "9".repeat(64)), 10);
        ImageDraft draft = ImageDraft.scratch(new Platform("linux", "amd64", ""))
                .withLayer(gone, new HistoryEntry(Instant.EPOCH, "RUN x", false));
        assertThatThrownBy(() -> new ImageCommit(images).commit(draft, List.of("app")))
                .isInstanceOf(JcomposeException.class)
                .hasMessageContaining("layer " + gone.digest() + " of the built image is not in the content store");
        assertThat(images.list()).isEmpty();
    }
}
