package dev.jcompose.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.dockerfile.DockerfileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** .dockerignore semantics, case by case, as Docker's pattern matcher decides them. */
class IgnoreRulesTest {

    /** One pattern against one path: excluded or not (a matching parent directory counts). */
    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            *.log            | app.log              | true
            *.log            | logs/app.log         | false
            *.log            | app.log/inner        | true
            **/*.log         | logs/deep/app.log    | true
            **/*.log         | app.log              | true
            **               | anything/at/all      | true
            **/node_modules  | node_modules         | true
            **/node_modules  | a/b/node_modules/x   | true
            **/node_modules  | a/my_node_modules    | false
            build/**         | build                | false
            build/**         | build/out/x.o        | true
            build            | build/out/x.o        | true
            build/           | build/x              | true
            ./build          | build                | true
            /build           | build                | true
            src/*.tmp        | src/a.tmp            | true
            src/*.tmp        | src/sub/a.tmp        | false
            src/**/*.tmp     | src/a.tmp            | true
            src/**/*.tmp     | src/x/y/a.tmp        | true
            x**/*.txt        | xy/z/a.txt           | true
            file?.txt        | file1.txt            | true
            file?.txt        | file10.txt           | false
            file?.txt        | file/.txt            | false
            [a-c]at          | bat                  | true
            [a-c]at          | dat                  | false
            [^a-c]at         | dat                  | true
            a\\*b            | a*b                  | true
            a\\*b            | axb                  | false
            .git             | .git/config          | true
            .*               | .env                 | true
            .*               | env                  | false
            v1.2+build(3)    | v1.2+build(3)        | true
            v1.2+build(3)    | v1x2+build(3)        | false
            a/../b           | b                    | true
            """)
    void oneMatch(String pattern, String path, boolean excluded) {
        assertThat(IgnoreRules.parse(pattern, ".dockerignore").excludes(path)).isEqualTo(excluded);
    }

    @Test
    void exceptionsReIncludeAndTheLastMatchWins() {
        IgnoreRules rules = IgnoreRules.parse("""
                # documentation is not needed
                docs

                !docs/README.md
                *.md
                !CHANGELOG.md
                """, ".dockerignore");
        assertThat(rules.excludes("docs/guide.md")).isTrue();
        assertThat(rules.excludes("docs/README.md")).isFalse(); // *.md matches at the top only
        assertThat(rules.excludes("CHANGELOG.md")).isFalse();
        assertThat(rules.excludes("notes.md")).isTrue();
        assertThat(rules.excludes("src/Main.java")).isFalse();
        IgnoreRules exceptionLast = IgnoreRules.parse("docs\n!docs/README.md\n", "x");
        assertThat(exceptionLast.excludes("docs/README.md")).isFalse();
        assertThat(exceptionLast.excludes("docs/other")).isTrue();
        assertThat(exceptionLast.excludes("docs")).isTrue();
    }

    @Test
    void everythingButSomething() {
        IgnoreRules rules = IgnoreRules.parse("*\n!src\n!package.json\nsrc/**/*.test.js\n", "x");
        assertThat(rules.excludes("README")).isTrue();
        assertThat(rules.excludes("package.json")).isFalse();
        assertThat(rules.excludes("src/app/main.js")).isFalse();
        assertThat(rules.excludes("src/app/main.test.js")).isTrue();
        IgnoreRules star = IgnoreRules.parse("**\n!keep/this\n", "x");
        assertThat(star.excludes("keep/this/file")).isFalse();
        assertThat(star.excludes("keep/that")).isTrue();
    }

    @Test
    void commentsOnlyAtTheStartOfALineAndSpacesTrimmed() {
        IgnoreRules rules = IgnoreRules.parse("\uFEFF# a comment\n  spaced.txt  \n #notcomment\n", "x");
        assertThat(rules.excludes("# a comment")).isFalse();
        assertThat(rules.excludes("spaced.txt")).isTrue();
        assertThat(rules.excludes("#notcomment")).isTrue();
        assertThat(IgnoreRules.parse("\uFEFFfirst\n", "x").excludes("first")).isTrue();
        assertThat(IgnoreRules.parse("! /abs/path\nabs\n!abs/path", "x").excludes("abs/path/x"))
                .isFalse();
    }

    @Test
    void theRootIsNeverExcluded() {
        assertThat(IgnoreRules.parse("*\n**\n.\n", "x").excludes(".")).isFalse();
        assertThat(IgnoreRules.parse("*\n", "x").excludes("")).isFalse();
    }

    @Test
    void malformedPatternsNameTheLine() {
        assertThatThrownBy(() -> IgnoreRules.parse("ok\n\n!\n", "ctx/.dockerignore"))
                .isInstanceOf(DockerfileException.class)
                .hasMessageContaining("ctx/.dockerignore:3")
                .hasMessageContaining("illegal exclusion pattern");
        assertThatThrownBy(() -> IgnoreRules.parse("a[b\n", ".dockerignore"))
                .hasMessageContaining(".dockerignore:1")
                .hasMessageContaining("syntax error");
        assertThatThrownBy(() -> IgnoreRules.parse("[]a]\n", ".dockerignore")).hasMessageContaining("syntax error");
        assertThatThrownBy(() -> IgnoreRules.of(List.of("x\\"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWalkEntersAnExcludedDirectoryOnlyWhenAnExceptionMayApplyInside() {
        IgnoreRules literal = IgnoreRules.parse("vendor\nlogs\n!vendor/keep.txt\n", "x");
        assertThat(literal.mayIncludeUnder("vendor")).isTrue();
        assertThat(literal.mayIncludeUnder("logs")).isFalse();
        assertThat(IgnoreRules.parse("logs\n!**/*.keep\n", "x").mayIncludeUnder("logs"))
                .isTrue();
        assertThat(IgnoreRules.parse("logs\n", "x").mayIncludeUnder("logs")).isFalse();
    }

    @Test
    void aDockerfileOwnIgnoreFileWinsAndTheBuildFilesStay(@TempDir Path ctx) throws Exception {
        Files.writeString(ctx.resolve(".dockerignore"), "*.txt\n");
        Files.createDirectories(ctx.resolve("docker"));
        Path df = Files.writeString(ctx.resolve("docker/app.Dockerfile"), "FROM scratch\n");
        assertThat(IgnoreRules.load(ctx, df).excludes("a.txt")).isTrue();
        Files.writeString(ctx.resolve("docker/app.Dockerfile.dockerignore"), "*.md\ndocker\n.dockerignore\n");
        IgnoreRules own = IgnoreRules.load(ctx, df);
        assertThat(own.excludes("a.txt")).isFalse();
        assertThat(own.excludes("a.md")).isTrue();
        assertThat(own.excludes("docker/other")).isTrue();
        assertThat(own.excludes("docker/app.Dockerfile")).isFalse();
        assertThat(own.excludes(".dockerignore")).isFalse();
        assertThat(IgnoreRules.load(ctx.resolve("docker"), ctx.resolve("none")).isEmpty())
                .isTrue();
    }
}
