package dev.jcompose.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.model.BuildConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dockerignore patterns as compose's watch applies them: anchored at a directory, parents count, last match wins. */
class WatchIgnoreTest {
    static final Path SRC = Path.of("/p/src");

    @Test
    void patternsAreAnchoredAtTheirDirectoryAndMatchParents() {
        WatchIgnore ignore =
                WatchIgnore.of(SRC, List.of("node_modules/", "*.log", "build/**/*.o", "/tmp?", "[ab].txt"));
        assertThat(ignore.matches(SRC.resolve("node_modules/x/y.js"))).isTrue();
        assertThat(ignore.matches(SRC.resolve("a.log"))).isTrue();
        assertThat(ignore.matches(SRC.resolve("sub/a.log")))
                .as("* does not cross /")
                .isFalse();
        assertThat(ignore.matches(SRC.resolve("build/a/b/c.o"))).isTrue();
        assertThat(ignore.matches(SRC.resolve("build/c.o")))
                .as("**/ matches no directory too")
                .isTrue();
        assertThat(ignore.matches(SRC.resolve("tmp1/f"))).isTrue();
        assertThat(ignore.matches(SRC.resolve("tmp12"))).isFalse();
        assertThat(ignore.matches(SRC.resolve("a.txt"))).isTrue();
        assertThat(ignore.matches(SRC.resolve("c.txt"))).isFalse();
        assertThat(ignore.matches(Path.of("/p/node_modules/x")))
                .as("outside its directory")
                .isFalse();
    }

    @Test
    void exceptionsAndTheLastMatchWin() {
        WatchIgnore ignore = WatchIgnore.of(SRC, List.of("docs", "!docs/keep.md", "# comment", ""));
        assertThat(ignore.matches(SRC.resolve("docs/a.md"))).isTrue();
        assertThat(ignore.matches(SRC.resolve("docs/keep.md"))).isFalse();
        assertThat(WatchIgnore.of(SRC, List.of("!x", "x")).matches(SRC.resolve("x")))
                .isTrue();
    }

    @Test
    void aStarAloneKeepsOnlyTheExceptionsAsCompose() {
        WatchIgnore ignore = WatchIgnore.of(SRC, List.of("*", "!src"));
        assertThat(ignore.matches(SRC.resolve("anything"))).isFalse();
    }

    @Test
    void editorTempFilesAndGitAreAlwaysIgnored() {
        WatchIgnore e = WatchIgnore.ephemeral();
        assertThat(List.of(
                        ".index.html.swp",
                        "index.html~",
                        "4913",
                        ".#index.html",
                        "#index.html#",
                        "a-go-tmp-umask",
                        ".idea/workspace.xml",
                        ".git/HEAD",
                        "x___jb_tmp___",
                        ".a.kate-swp"))
                .allSatisfy(name ->
                        assertThat(e.matches(SRC.resolve(name))).as(name).isTrue());
        assertThat(List.of("index.html", "keep.swp", "swp", "main.go"))
                .allSatisfy(name ->
                        assertThat(e.matches(SRC.resolve(name))).as(name).isFalse());
    }

    @Test
    void theBuildContextsDockerignoreWithTheDockerfileSpecificOneFirst(@TempDir Path ctx) throws Exception {
        Files.writeString(ctx.resolve(".dockerignore"), "*.tmp\n");
        BuildConfig build = build(ctx.toString(), "Dockerfile");
        assertThat(WatchIgnore.dockerignore(build).matches(ctx.resolve("a.tmp")))
                .isTrue();
        Files.writeString(ctx.resolve("Dockerfile.dockerignore"), "*.bak\n");
        assertThat(WatchIgnore.dockerignore(build).matches(ctx.resolve("a.tmp")))
                .isFalse();
        assertThat(WatchIgnore.dockerignore(build).matches(ctx.resolve("a.bak")))
                .isTrue();
        assertThat(WatchIgnore.dockerignore(null).matches(ctx.resolve("a.bak"))).isFalse();
        Files.writeString(ctx.resolve("Dockerfile.dockerignore"), "Dockerfile\n*.dockerignore\n");
        assertThat(WatchIgnore.dockerignore(build).matches(ctx.resolve("Dockerfile")))
                .as("the build always reads its Dockerfile")
                .isFalse();
        assertThat(WatchIgnore.dockerignore(build).matches(ctx.resolve("Dockerfile.dockerignore")))
                .isFalse();
    }

    static BuildConfig build(String context, String dockerfile) {
        return dev.jcompose.model.ModelJson.mapper()
                .convertValue(java.util.Map.of("context", context, "dockerfile", dockerfile), BuildConfig.class);
    }
}
