package dev.jcompose.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.dockerfile.Instruction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real owners COPY sets (lchown to other uids needs root). */
@Tag("root")
class CopyOwnershipRootTest {
    @TempDir
    Path tmp;

    private static String owner(Path p) throws IOException {
        return Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS) + ":"
                + Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void chownByNameFromTheImageAndRootOtherwise() throws IOException {
        Path ctx = Files.createDirectories(tmp.resolve("ctx/src"));
        Files.writeString(ctx.resolve("a.txt"), "a");
        Files.createSymbolicLink(ctx.resolve("link"), Path.of("a.txt"));
        Path root = Files.createDirectories(tmp.resolve("root/etc"));
        Files.writeString(root.resolve("passwd"), "app:x:1234:2345::/home/app:/bin/sh\n");
        Files.writeString(root.resolve("group"), "app:x:2345:\n");
        root = tmp.resolve("root");
        Files.setOwner(
                ctx.resolve("a.txt"),
                ctx.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("65534"));
        BuildContext context = BuildContext.directory(tmp.resolve("ctx"), IgnoreRules.none());
        Instruction.Copy chown = new Instruction.Copy(
                Copies.copy("/home/app/", "src").at(),
                false,
                List.of("src"),
                "/home/app/",
                List.of(),
                null,
                "app",
                "0600",
                false,
                List.of(),
                false,
                null);
        CopyPlan.of(context, chown, "/").apply(root);
        assertThat(owner(root.resolve("home"))).isEqualTo("1234:2345");
        assertThat(owner(root.resolve("home/app/a.txt"))).isEqualTo("1234:2345");
        assertThat(owner(root.resolve("home/app/link"))).isEqualTo("1234:2345");
        assertThat(Copies.mode(root.resolve("home/app/a.txt"))).isEqualTo(0600);
        CopyPlan.of(context, Copies.copy("/plain/", "src"), "/").apply(root);
        assertThat(owner(root.resolve("plain/a.txt"))).isEqualTo("0:0");
        BuildContext stage = BuildContext.rootfs(tmp.resolve("ctx"), "build");
        CopyPlan.of(stage, Copies.copy("/kept/", "src"), "/").apply(root);
        assertThat(owner(root.resolve("kept/a.txt"))).isEqualTo("65534:0");
    }
}
