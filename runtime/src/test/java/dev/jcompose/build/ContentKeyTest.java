package dev.jcompose.build;

import static dev.jcompose.build.Copies.copy;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The step cache's key for COPY: it moves with what is copied and with nothing else. */
class ContentKeyTest {
    @TempDir
    Path ctx;

    @BeforeEach
    void layout() throws IOException {
        Files.createDirectories(ctx.resolve("src/pkg"));
        Files.writeString(ctx.resolve("src/main.c"), "int main() {}\n");
        Files.writeString(ctx.resolve("src/pkg/lib.c"), "void f() {}\n");
        Files.writeString(ctx.resolve("src/build.log"), "noise\n");
    }

    private String key() {
        BuildContext c = BuildContext.directory(ctx, IgnoreRules.parse("**/*.log\n", ".dockerignore"));
        return CopyPlan.of(c, copy("/app/", "src"), "/").contentKey();
    }

    @Test
    void anUntouchedTreeKeepsItsKey() throws IOException {
        String before = key();
        assertThat(before).hasSize(64).matches("[0-9a-f]+");
        assertThat(key()).isEqualTo(before);
        Files.setLastModifiedTime(ctx.resolve("src/main.c"), FileTime.fromMillis(42)); // mtimes do not count
        assertThat(key()).isEqualTo(before);
    }

    @Test
    void aChangedByteChangesIt() throws IOException {
        String before = key();
        Files.writeString(ctx.resolve("src/pkg/lib.c"), "void g() {}\n");
        assertThat(key()).isNotEqualTo(before);
    }

    @Test
    void aChangedModeChangesIt() throws IOException {
        String before = key();
        Files.setPosixFilePermissions(ctx.resolve("src/main.c"), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(key()).isNotEqualTo(before);
    }

    @Test
    void aNewFileOrSymlinkChangesIt() throws IOException {
        String before = key();
        Files.writeString(ctx.resolve("src/new.h"), "");
        String withFile = key();
        assertThat(withFile).isNotEqualTo(before);
        Files.createSymbolicLink(ctx.resolve("src/link"), Path.of("main.c"));
        String withLink = key();
        assertThat(withLink).isNotEqualTo(withFile);
        Files.delete(ctx.resolve("src/link"));
        Files.createSymbolicLink(ctx.resolve("src/link"), Path.of("new.h"));
        assertThat(key()).isNotEqualTo(withLink);
    }

    @Test
    void aRenameChangesIt() throws IOException {
        String before = key();
        Files.move(ctx.resolve("src/pkg/lib.c"), ctx.resolve("src/pkg/lib2.c"));
        assertThat(key()).isNotEqualTo(before);
    }

    @Test
    void anIgnoredFileDoesNotCount() throws IOException {
        String before = key();
        Files.writeString(ctx.resolve("src/build.log"), "more noise\n");
        Files.writeString(ctx.resolve("src/pkg/other.log"), "noise\n");
        assertThat(key()).isEqualTo(before);
    }

    @Test
    void filesOutsideTheSourcesDoNotCount() throws IOException {
        String before = key();
        Files.writeString(ctx.resolve("README"), "unrelated");
        assertThat(key()).isEqualTo(before);
    }

    @Test
    void rememberedDigestsStillSeeASameSizeEditWithTheOldMtime() throws IOException {
        FileDigests digests = new FileDigests();
        BuildContext c = BuildContext.directory(ctx, IgnoreRules.none());
        String before = CopyPlan.of(c, copy("/app/", "src"), "/").contentKey(digests);
        assertThat(CopyPlan.of(c, copy("/app/", "src"), "/").contentKey(digests))
                .isEqualTo(before);
        assertThat(CopyPlan.of(c, copy("/app/", "src"), "/").contentKey()).isEqualTo(before);
        Path main = ctx.resolve("src/main.c");
        FileTime mtime = Files.getLastModifiedTime(main);
        Files.writeString(main, "int main(){1}\n"); // the same length
        Files.setLastModifiedTime(main, mtime);
        assertThat(Files.size(main)).isEqualTo(14);
        assertThat(CopyPlan.of(c, copy("/app/", "src"), "/").contentKey(digests))
                .isNotEqualTo(before);
    }
}
