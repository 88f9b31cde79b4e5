package dev.jcompose.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading rules the corpus does not show well: line endings, directive placement, stages, defaults. */
class DockerfileParserTest {

    private static Dockerfile parse(String text) {
        return DockerfileParser.parse(text, "Dockerfile");
    }

    private static Instruction first(String text) {
        return parse(text).stages().get(0).instructions().get(0);
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreRead() {
        Dockerfile df = parse("\uFEFF# escape=`\r\nFROM busybox\r\nRUN echo a `\r\n  b\r\n");

        assertThat(((Instruction.Run) df.stages().get(0).instructions().get(0))
                        .command()
                        .args())
                .containsExactly("echo a   b");
    }

    @Test
    void aDirectiveAfterAnythingElseIsAComment() {
        Dockerfile afterBlank = parse("\n# escape=`\nFROM busybox\nRUN echo a `\n");
        Dockerfile afterComment = parse("# a comment\n# syntax=x\nFROM busybox\n");

        assertThat(((Instruction.Run) afterBlank.stages().get(0).instructions().get(0))
                        .command()
                        .args())
                .containsExactly("echo a `");
        assertThat(afterComment.notes()).isEmpty();
    }

    @Test
    void keywordsAreCaseInsensitiveAndRecordedUpperCase() {
        Instruction copy = first("from busybox\ncoPY a b\n");

        assertThat(copy.at()).isEqualTo(new SourceLine("Dockerfile", 2, "COPY", "coPY a b"));
    }

    @Test
    void stagesKeepTheirIndexLowerCasedNameAndInstructions() {
        Dockerfile df = parse("ARG A\nARG B=1\nFROM a AS One\nRUN x\nFROM b\nFROM c AS three\nRUN y\nRUN z\n");

        assertThat(df.globalArgs()).hasSize(2);
        assertThat(df.stages())
                .extracting(Stage::index, Stage::name, s -> s.instructions().size())
                .containsExactly(tuple(0, "one", 1), tuple(1, null, 0), tuple(2, "three", 2));
    }

    @Test
    void secretAndCacheMountsGetDockersDefaultIdsAndTargets() {
        var run =
                (Instruction.Run) first("FROM x\nRUN --mount=type=secret,id=tok --mount=type=secret,target=/etc/npmrc "
                        + "--mount=type=cache,target=/root/.m2 --mount=type=bind,target=/src true\n");
        List<RunMount> m = run.mounts();

        assertThat(m)
                .extracting(RunMount::effectiveTarget)
                .containsExactly("/run/secrets/tok", "/etc/npmrc", "/root/.m2", "/src");
        assertThat(m).extracting(RunMount::effectiveId).containsExactly("tok", "npmrc", "/root/.m2", null);
        assertThat(m).extracting(RunMount::readOnly).containsExactly(true, true, false, true);
    }

    @ParameterizedTest
    @CsvSource({"1h2m3.5s, PT1H2M3.5S", "+5s, PT5S", ".5s, PT0.5S", "1.s, PT1S", "1500us, PT0.0015S", "2m0.5s, PT2M0.5S"
    })
    void healthcheckDurationsAreGoDurations(String text, String expected) {
        var hc = (Instruction.Healthcheck) first("FROM x\nHEALTHCHECK --interval=" + text + " CMD true\n");

        assertThat(hc.interval()).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"5", "1d", "-1s", "s", "1s2", "1 s"})
    void otherDurationsAreRefused(String text) {
        assertThatThrownBy(() -> parse("FROM x\nHEALTHCHECK --interval=\"" + text + "\" CMD true\n"))
                .hasMessage("Dockerfile:2: HEALTHCHECK: invalid duration \"" + text + "\" for --interval");
    }

    @Test
    void aBlankFileHasNoInstructions() {
        assertThatThrownBy(() -> parse("  \n\t\n")).hasMessage("Dockerfile: file with no instructions");
    }

    @Test
    void theErrorOfAContinuedInstructionNamesItsFirstLine() {
        assertThatThrownBy(() -> parse("FROM x\nRUN \\\n  --network=bogus \\\n  true\n"))
                .hasMessage("Dockerfile:2: RUN: invalid network mode \"bogus\"");
    }

    @Test
    void anInstructionAfterAHeredocIsCountedOnItsOwnLine() {
        Dockerfile df = parse("FROM x\nRUN <<A <<B\na\nA\nb\nB\nFOO\n".replace("FOO", "USER me"));

        assertThat(df.stages().get(0).instructions().get(1).at().line()).isEqualTo(7);
    }
}
