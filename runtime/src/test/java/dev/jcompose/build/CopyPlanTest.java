package dev.jcompose.build;

import static dev.jcompose.build.Copies.apply;
import static dev.jcompose.build.Copies.copy;
import static dev.jcompose.build.Copies.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.dockerfile.DockerfileException;
import dev.jcompose.dockerfile.Heredoc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which sources a COPY resolves to and where they land (Docker's source and destination rules). */
class CopyPlanTest {
    @TempDir
    Path tmp;

    Path ctx;
    Path root;

    @BeforeEach
    void layout() throws IOException {
        ctx = Files.createDirectories(tmp.resolve("ctx"));
        root = Files.createDirectories(tmp.resolve("root"));
        write("app/main.js", "main");
        write("app/lib/util.js", "util");
        write("app/debug.log", "log");
        write("README.md", "readme");
        write("notes.txt", "notes");
        write("todo.txt", "todo");
    }

    private Path write(String rel, String content) throws IOException {
        Path p = ctx.resolve(rel);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    private BuildContext context() {
        return BuildContext.directory(ctx, IgnoreRules.none());
    }

    private BuildContext context(String dockerignore) {
        return BuildContext.directory(ctx, IgnoreRules.parse(dockerignore, ".dockerignore"));
    }

    private List<String> copied(BuildContext c, dev.jcompose.dockerfile.Instruction.Copy copy, String workdir)
            throws IOException {
        apply(CopyPlan.of(c, copy, workdir), root, null, null);
        return tree(root);
    }

    @Test
    void aDirectorySourceBringsItsContents() throws IOException {
        assertThat(copied(context(), copy("/srv/", "app"), "/"))
                .containsExactly("srv", "srv/debug.log", "srv/lib", "srv/lib/util.js", "srv/main.js");
    }

    @Test
    void aDirectoryIntoADestinationWithoutSlashIsCreatedAsThatDirectory() throws IOException {
        assertThat(copied(context(), copy("/srv/app", "app/lib"), "/"))
                .containsExactly("srv", "srv/app", "srv/app/util.js");
    }

    @Test
    void aFileToADestinationWithoutSlashTakesThatName() throws IOException {
        assertThat(copied(context(), copy("/etc/readme", "README.md"), "/")).containsExactly("etc", "etc/readme");
        assertThat(Files.readString(root.resolve("etc/readme"))).isEqualTo("readme");
    }

    @Test
    void aFileToAnExistingDirectoryGoesInside() throws IOException {
        Files.createDirectories(root.resolve("opt"));
        assertThat(copied(context(), copy("/opt", "README.md"), "/")).containsExactly("opt", "opt/README.md");
    }

    @Test
    void relativeDestinationsAreUnderTheWorkdir() throws IOException {
        assertThat(copied(context(), copy(".", "notes.txt"), "/work/dir"))
                .containsExactly("work", "work/dir", "work/dir/notes.txt");
        assertThat(CopyPlan.of(context(), copy("sub/x", "notes.txt"), "/w").destination())
                .isEqualTo("/w/sub/x");
    }

    @Test
    void severalSourcesNeedADirectoryDestination() {
        assertThatThrownBy(() -> CopyPlan.of(context(), copy("/dest", "notes.txt", "todo.txt"), "/"))
                .isInstanceOf(DockerfileException.class)
                .hasMessageContaining("Dockerfile:7: COPY")
                .hasMessageContaining("destination must be a directory and end with a /");
    }

    @Test
    void severalMatchesNeedADirectory() throws IOException {
        CopyPlan plan = CopyPlan.of(context(), copy("/dest", "*.txt"), "/");
        assertThatThrownBy(() -> apply(plan, root, null, null)).hasMessageContaining("must be a directory");
        Files.createDirectories(root.resolve("dest"));
        apply(plan, root, null, null);
        assertThat(tree(root)).containsExactly("dest", "dest/notes.txt", "dest/todo.txt");
    }

    @Test
    void aMissingSourceIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> CopyPlan.of(context(), copy("/x", "nope.txt"), "/"))
                .isInstanceOf(DockerfileException.class)
                .hasMessageContaining("Dockerfile:7: COPY: file not found in build context or excluded by"
                        + " .dockerignore: stat nope.txt");
    }

    @Test
    void anIgnoredSourceIsMissing() {
        assertThatThrownBy(() -> CopyPlan.of(context("*.txt\n"), copy("/x", "notes.txt"), "/"))
                .hasMessageContaining("stat notes.txt");
    }

    @Test
    void wildcardsMatchWithGoRulesAndMayMatchNothing() throws IOException {
        assertThat(copied(context(), copy("/d/", "*.txt", "app/*.js", "missing*", "lock[k]"), "/"))
                .containsExactly("d", "d/main.js", "d/notes.txt", "d/todo.txt");
    }

    @Test
    void wildcardsSkipIgnoredEntries() throws IOException {
        assertThat(copied(context("todo.txt\n"), copy("/d/", "*.txt"), "/")).containsExactly("d", "d/notes.txt");
    }

    @Test
    void sourcesNeverLeaveTheContext() throws IOException {
        assertThat(copied(context(), copy("/d/", "../../../notes.txt", "/todo.txt"), "/"))
                .containsExactly("d", "d/notes.txt", "d/todo.txt");
    }

    @Test
    void anExplicitSymlinkSourceIsFollowedButLinksInsideADirectoryAreCopiedAsLinks() throws IOException {
        Files.createSymbolicLink(ctx.resolve("current"), Path.of("notes.txt"));
        Files.createSymbolicLink(ctx.resolve("app/lib/latest"), Path.of("util.js"));
        apply(CopyPlan.of(context(), copy("/d/", "current", "app/lib"), "/"), root, null, null);
        assertThat(tree(root)).containsExactly("d", "d/current", "d/latest -> util.js", "d/util.js");
        assertThat(Files.isSymbolicLink(root.resolve("d/current"))).isFalse();
        assertThat(Files.readString(root.resolve("d/current"))).isEqualTo("notes");
    }

    @Test
    void aSymlinkOutOfTheContextIsFollowedInsideItOnly() throws IOException {
        Path outside = Files.writeString(tmp.resolve("secret"), "host secret");
        Files.createSymbolicLink(ctx.resolve("abs"), outside);
        Files.createSymbolicLink(ctx.resolve("up"), Path.of("../../../../" + outside));
        assertThatThrownBy(() -> CopyPlan.of(context(), copy("/x", "abs"), "/")).hasMessageContaining("stat abs");
        assertThatThrownBy(() -> CopyPlan.of(context(), copy("/x", "up"), "/")).hasMessageContaining("stat up");
        // the absolute target names a path of the context itself: that one is copied, not the host's
        Path inContext = ctx.resolve(ctx.getRoot().relativize(outside).toString());
        Files.createDirectories(inContext.getParent());
        Files.writeString(inContext, "context copy");
        apply(CopyPlan.of(context(), copy("/x", "abs"), "/"), root, null, null);
        assertThat(Files.readString(root.resolve("x"))).isEqualTo("context copy");
    }

    @Test
    void excludePatternsApplyToMatchesAndBelowDirectories() throws IOException {
        apply(
                CopyPlan.of(context(), Copies.excluding(List.of("*.log", "todo.txt"), "/d/", "app", "*.txt"), "/"),
                root,
                null,
                null);
        assertThat(tree(root)).containsExactly("d", "d/lib", "d/lib/util.js", "d/main.js", "d/notes.txt");
    }

    @Test
    void anExcludedDirectoryWithAnExceptionKeepsOnlyWhatIsReIncluded() throws IOException {
        write("docs/README.md", "docs readme");
        write("docs/guide.md", "guide");
        assertThat(copied(context("docs\n!docs/README.md\napp\n*.txt\n"), copy("/c/", "."), "/"))
                .containsExactly("c", "c/README.md", "c/docs", "c/docs/README.md");
    }

    @Test
    void theWholeContextWithAnIgnoreFile() throws IOException {
        // app/**/*.js also matches app/main.js (** may be no directory); app/lib stays, empty
        assertThat(copied(context("app/**/*.js\n*.md\n"), copy("/c", "."), "/"))
                .containsExactly("c", "c/app", "c/app/debug.log", "c/app/lib", "c/notes.txt", "c/todo.txt");
    }

    @Test
    void heredocsBecomeFiles() throws IOException {
        Heredoc motd = new Heredoc("EOF", "hello\nworld\n", true);
        apply(CopyPlan.of(context(), Copies.heredoc("/etc/motd", motd), "/"), root, null, null);
        assertThat(Files.readString(root.resolve("etc/motd"))).isEqualTo("hello\nworld\n");
        assertThat(Copies.mode(root.resolve("etc/motd"))).isEqualTo(0644);
        Heredoc a = new Heredoc("a.sh", "echo a\n", false);
        Heredoc b = new Heredoc("b.sh", "echo b\n", false);
        apply(CopyPlan.of(context(), Copies.heredoc("/bin/", a, b), "/"), root, null, 0755);
        assertThat(tree(root.resolve("bin"))).containsExactly("a.sh", "b.sh");
        assertThat(Copies.mode(root.resolve("bin/b.sh"))).isEqualTo(0755);
    }

    @Test
    void fromAStageTheRootIsTheSource() throws IOException {
        Path stage = Files.createDirectories(tmp.resolve("stage/usr/local/bin"));
        Files.writeString(stage.resolve("tool"), "binary");
        BuildContext from = BuildContext.rootfs(tmp.resolve("stage"), "builder");
        apply(CopyPlan.of(from, copy("/usr/bin/", "/usr/local/bin/tool"), "/"), root, null, null);
        assertThat(Files.readString(root.resolve("usr/bin/tool"))).isEqualTo("binary");
        assertThatThrownBy(() -> CopyPlan.of(from, copy("/x", "/nope"), "/"))
                .hasMessageContaining("file not found in stage builder: stat /nope");
    }

    @Test
    void addRefusesUrlsAndGitSinceBuildsAreOffline() {
        assertThatThrownBy(() -> CopyPlan.of(context(), Copies.add("/x", "https://example.com/a.tgz"), "/"))
                .isInstanceOf(DockerfileException.class)
                .hasMessageContaining("Dockerfile:7: ADD: ADD from a URL is not supported: builds run offline");
        assertThatThrownBy(() -> CopyPlan.of(context(), Copies.add("/x", "git@github.com:a/b.git"), "/"))
                .hasMessageContaining("not supported");
        var withChecksum = new dev.jcompose.dockerfile.Instruction.Copy(
                Copies.add("/x", "notes.txt").at(),
                true,
                List.of("notes.txt"),
                "/x",
                List.of(),
                null,
                null,
                null,
                false,
                List.of(),
                false,
                "sha256:00");
        assertThatThrownBy(() -> CopyPlan.of(context(), withChecksum, "/")).hasMessageContaining("--checksum");
    }

    @Test
    void aMalformedPatternIsAnError() {
        assertThatThrownBy(() -> CopyPlan.of(context(), copy("/x/", "a[b"), "/"))
                .isInstanceOf(DockerfileException.class)
                .hasMessageContaining("syntax error in pattern");
        assertThatThrownBy(() -> CopyPlan.of(context(), Copies.excluding(List.of("["), "/x/", "app"), "/"))
                .hasMessageContaining("--exclude");
    }
}
