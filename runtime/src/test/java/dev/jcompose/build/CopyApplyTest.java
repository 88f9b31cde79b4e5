package dev.jcompose.build;

import static dev.jcompose.build.Copies.apply;
import static dev.jcompose.build.Copies.copy;
import static dev.jcompose.build.Copies.mode;
import static dev.jcompose.build.Copies.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.jcompose.dockerfile.DockerfileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What COPY writes into a stage's root: modes, times and owners, replaced entries, and that no symlink
 * in the image can make it write outside the root.
 */
class CopyApplyTest {
    @TempDir
    Path tmp;

    Path ctx;
    Path root;
    Path outside;

    @BeforeEach
    void layout() throws IOException {
        ctx = Files.createDirectories(tmp.resolve("ctx"));
        root = Files.createDirectories(tmp.resolve("root"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createDirectories(ctx.resolve("bin"));
        Files.writeString(ctx.resolve("bin/run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(ctx.resolve("bin/run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.setLastModifiedTime(ctx.resolve("bin/run.sh"), FileTime.fromMillis(1_000_000_000L));
        Files.writeString(ctx.resolve("config.yml"), "a: 1\n");
    }

    private BuildContext context() {
        return BuildContext.directory(ctx, IgnoreRules.none());
    }

    @Test
    void modesAndMtimesAreKeptAndContextFilesBecomeRootOwned() throws IOException {
        Copies.Owners owners = apply(CopyPlan.of(context(), copy("/opt/app/", "bin"), "/"), root, null, null);
        Path run = root.resolve("opt/app/run.sh");
        assertThat(mode(run)).isEqualTo(0750);
        assertThat(Files.getLastModifiedTime(run)).isEqualTo(FileTime.fromMillis(1_000_000_000L));
        assertThat(mode(root.resolve("opt"))).isEqualTo(0755);
        assertThat(owners.set)
                .containsExactly(entry("opt", "0:0"), entry("opt/app", "0:0"), entry("opt/app/run.sh", "0:0"));
    }

    @Test
    void chownAndChmodApplyToWhatIsCopiedAndToTheDirectoriesCopyCreates() throws IOException {
        Copies.Owners owners =
                apply(CopyPlan.of(context(), copy("/home/app/", "bin"), "/"), root, new Ownership(1000, 100), 0640);
        assertThat(owners.set)
                .containsExactly(
                        entry("home", "1000:100"), entry("home/app", "1000:100"), entry("home/app/run.sh", "1000:100"));
        assertThat(mode(root.resolve("home/app/run.sh"))).isEqualTo(0640);
        assertThat(mode(root.resolve("home/app"))).isEqualTo(0755);
    }

    @Test
    void setuidBitsSurvive() throws IOException {
        Files.setPosixFilePermissions(ctx.resolve("config.yml"), PosixFilePermissions.fromString("rw-r--r--"));
        new dev.jcompose.rootfs.NativeFs().chmod(ctx.resolve("config.yml"), 04755);
        apply(CopyPlan.of(context(), copy("/c", "config.yml"), "/"), root, new Ownership(5, 5), null);
        assertThat(mode(root.resolve("c"))).isEqualTo(04755);
    }

    @Test
    void aStageKeepsItsOwners() throws IOException {
        Path stage = Files.createDirectories(tmp.resolve("stage/data"));
        Files.writeString(stage.resolve("f"), "x");
        int uid = (Integer) Files.getAttribute(stage.resolve("f"), "unix:uid");
        int gid = (Integer) Files.getAttribute(stage.resolve("f"), "unix:gid");
        Copies.Owners owners = apply(
                CopyPlan.of(BuildContext.rootfs(tmp.resolve("stage"), "0"), copy("/d/", "/data"), "/"),
                root,
                null,
                null);
        assertThat(owners.set).containsEntry("d/f", uid + ":" + gid).containsEntry("d", "0:0");
    }

    @Test
    void existingFilesAndSymlinksAreReplacedNotWrittenThrough() throws IOException {
        Files.createDirectories(root.resolve("app"));
        Files.writeString(root.resolve("app/config.yml"), "old");
        Path victim = Files.writeString(outside.resolve("victim"), "untouched");
        Files.createDirectories(root.resolve("opt/app"));
        Files.createSymbolicLink(root.resolve("opt/app/run.sh"), victim); // absolute host path
        apply(CopyPlan.of(context(), copy("/app/", "config.yml"), "/"), root, null, null);
        apply(CopyPlan.of(context(), copy("/opt/app/", "bin"), "/"), root, null, null);
        assertThat(Files.readString(root.resolve("app/config.yml"))).isEqualTo("a: 1\n");
        assertThat(Files.isSymbolicLink(root.resolve("opt/app/run.sh"))).isFalse();
        assertThat(Files.readString(victim)).isEqualTo("untouched");
    }

    @Test
    void aDestinationSymlinkIsResolvedInsideTheRoot() throws IOException {
        Files.createDirectories(root.resolve("etc"));
        Files.createSymbolicLink(root.resolve("app"), Path.of("/etc")); // the image's /etc, not the host's
        Files.createSymbolicLink(root.resolve("up"), Path.of("../../../../../../../.."));
        Files.createSymbolicLink(root.resolve("host"), outside); // an absolute host path, re-rooted
        apply(CopyPlan.of(context(), copy("/app/", "config.yml"), "/"), root, null, null);
        apply(CopyPlan.of(context(), copy("/up/x/", "config.yml"), "/"), root, null, null);
        apply(CopyPlan.of(context(), copy("/host/", "bin"), "/"), root, null, null);
        apply(CopyPlan.of(context(), copy("/up/escaped", "config.yml"), "/"), root, null, null);
        assertThat(root.resolve("etc/config.yml")).exists();
        assertThat(root.resolve("x/config.yml")).exists();
        assertThat(root.resolve("escaped")).exists();
        assertThat(root.resolve(root.getRoot().relativize(outside).toString()).resolve("run.sh"))
                .exists();
        assertThat(tree(outside)).isEmpty();
        assertThat(tmp.resolve("escaped")).doesNotExist();
    }

    @Test
    void aDanglingDestinationSymlinkCreatesItsTargetInsideTheRoot() throws IOException {
        Files.createSymbolicLink(root.resolve("data"), Path.of("/var/lib/data"));
        apply(CopyPlan.of(context(), copy("/data/", "config.yml"), "/"), root, null, null);
        assertThat(root.resolve("var/lib/data/config.yml")).exists();
    }

    @Test
    void aSymlinkInTheWayOfACopiedDirectoryIsAnError() throws IOException {
        Files.createDirectories(root.resolve("srv"));
        Files.createSymbolicLink(root.resolve("srv/bin"), outside);
        Files.createDirectories(ctx.resolve("tree/bin"));
        Files.writeString(ctx.resolve("tree/bin/x"), "x");
        assertThatThrownBy(() -> apply(CopyPlan.of(context(), copy("/srv/", "tree"), "/"), root, null, null))
                .isInstanceOf(DockerfileException.class)
                .hasMessageContaining("cannot copy to non-directory: /srv/bin");
        assertThat(tree(outside)).isEmpty();
    }

    @Test
    void aFileCannotReplaceADirectory() throws IOException {
        Files.createDirectories(root.resolve("d/config.yml/inner"));
        assertThatThrownBy(() -> apply(CopyPlan.of(context(), copy("/d/", "config.yml"), "/"), root, null, null))
                .hasMessageContaining("cannot overwrite directory /d/config.yml");
    }

    @Test
    void anExistingDestinationDirectoryKeepsItsMetadata() throws IOException {
        Path opt = Files.createDirectories(root.resolve("opt"));
        Files.setPosixFilePermissions(opt, PosixFilePermissions.fromString("rwx------"));
        Files.setLastModifiedTime(opt, FileTime.fromMillis(5_000_000L));
        apply(CopyPlan.of(context(), copy("/opt", "bin"), "/"), root, null, null);
        assertThat(mode(opt)).isEqualTo(0700);
        assertThat(Files.getLastModifiedTime(opt, LinkOption.NOFOLLOW_LINKS))
                .isEqualTo(FileTime.fromMillis(5_000_000L));
        assertThat(root.resolve("opt/run.sh")).exists();
    }

    @Test
    void hardLinksWithinOneCopyStayLinks() throws IOException {
        Files.createLink(ctx.resolve("bin/run-again.sh"), ctx.resolve("bin/run.sh"));
        apply(CopyPlan.of(context(), copy("/b/", "bin"), "/"), root, null, null);
        Object first = Files.getAttribute(root.resolve("b/run.sh"), "unix:ino");
        assertThat(Files.getAttribute(root.resolve("b/run-again.sh"), "unix:ino"))
                .isEqualTo(first);
        assertThat(Files.getAttribute(root.resolve("b/run.sh"), "unix:nlink")).isEqualTo(2);
    }
}
