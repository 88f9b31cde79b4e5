package dev.jcompose.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Which fields each instruction substitutes, as Docker does, and which it leaves alone. */
class ExpansionTest {
    private static final Function<String, String> VARS = Map.ofEntries(
            Map.entry("BASE", "alpine"),
            Map.entry("PLAT", "linux/amd64"),
            Map.entry("X", "old"),
            Map.entry("PORT", "8080"),
            Map.entry("PORTS", "80 443"),
            Map.entry("U", "app"),
            Map.entry("G", "staff"),
            Map.entry("DIR", "/srv"),
            Map.entry("SIG", "SIGQUIT"),
            Map.entry("NAME", "world"),
            Map.entry("CACHE", "/cache"),
            Map.entry("SRC", "src"))::get;

    private static List<Instruction> stage(String text) {
        return DockerfileParser.parse(text, "Dockerfile").stages().get(0).instructions();
    }

    private static Instruction only(String line) {
        return stage("FROM x\n" + line + "\n").get(0).expanded(VARS);
    }

    @Test
    void fromSubstitutesImageAndPlatformButNotTheName() {
        var named = DockerfileParser.parse("FROM --platform=$PLAT ${BASE}:${TAG:-latest} AS b\n", "Dockerfile");

        assertThat(named.stages().get(0).from().expanded(VARS))
                .extracting(Instruction.From::image, Instruction.From::platform, Instruction.From::name)
                .containsExactly("alpine:latest", "linux/amd64", "b");
    }

    @Test
    void envRemovesQuotesAndEscapesAndKeepsSingleQuotedTextLiteral() {
        var env = (Instruction.Env) only("ENV A=1 B=\"two words\" C='single $X' D=escaped\\ space \"K$X\"=v");

        assertThat(env.pairs())
                .containsExactly(
                        new KeyValue("A", "1"),
                        new KeyValue("B", "two words"),
                        new KeyValue("C", "single $X"),
                        new KeyValue("D", "escaped space"),
                        new KeyValue("Kold", "v"));
    }

    @Test
    void envPairsSeeTheValuesFromBeforeTheInstruction() {
        var env = (Instruction.Env) only("ENV X=new Y=$X");

        assertThat(env.pairs()).containsExactly(new KeyValue("X", "new"), new KeyValue("Y", "old"));
    }

    @Test
    void legacyEnvValueIsOneWordWithBlanks() {
        var env = (Instruction.Env) only("ENV GREETING hello   $NAME \"quoted\"");

        assertThat(env.pairs()).containsExactly(new KeyValue("GREETING", "hello   world quoted"));
    }

    @Test
    void labelArgExposeWorkdirUserVolumeStopsignal() {
        assertThat(((Instruction.Label) only("LABEL \"the key\"=\"$NAME\"")).pairs())
                .containsExactly(new KeyValue("the key", "world"));
        assertThat(((Instruction.Arg) only("ARG A=$X B")).args())
                .containsExactly(new ArgDecl("A", "old"), new ArgDecl("B", null));
        assertThat(((Instruction.Expose) only("EXPOSE $PORT ${PORT}/udp $PORTS")).ports())
                .containsExactly("8080", "8080/udp", "80", "443");
        assertThat(((Instruction.Workdir) only("WORKDIR $DIR/app")).path()).isEqualTo("/srv/app");
        assertThat(((Instruction.User) only("USER ${U}:${G}")).user()).isEqualTo("app:staff");
        assertThat(((Instruction.Volume) only("VOLUME $DIR/data /logs")).paths())
                .containsExactly("/srv/data", "/logs");
        assertThat(((Instruction.Volume) only("VOLUME [\"$DIR\"]")).paths()).containsExactly("/srv");
        assertThat(((Instruction.StopSignal) only("STOPSIGNAL $SIG")).signal()).isEqualTo("SIGQUIT");
    }

    @Test
    void copySubstitutesPathsAndOwnershipButNotFrom() {
        var copy = (Instruction.Copy) only("COPY --from=build --chown=$U:$G --chmod=${MODE:-0644} $SRC/* $DIR/");

        assertThat(copy.sources()).containsExactly("src/*");
        assertThat(copy.destination()).isEqualTo("/srv/");
        assertThat(copy.chown()).isEqualTo("app:staff");
        assertThat(copy.chmod()).isEqualTo("0644");
        assertThat(copy.from()).isEqualTo("build");
    }

    @Test
    void copyHeredocBodiesExpandOnlyWithAnUnquotedDelimiter() {
        var copy = (Instruction.Copy)
                stage("FROM x\nCOPY <<plain <<'quoted' $DIR/\nhi $NAME 'x'\nplain\nhi $NAME\nquoted\n")
                        .get(0)
                        .expanded(VARS);

        assertThat(copy.sources()).containsExactly("plain", "quoted");
        assertThat(copy.destination()).isEqualTo("/srv/");
        assertThat(copy.heredocs())
                .containsExactly(
                        new Heredoc("plain", "hi world 'x'\n", false), new Heredoc("quoted", "hi $NAME\n", false));
    }

    @Test
    void remoteSourcesAreFoundAfterSubstitution() {
        var add = (Instruction.Copy) only("ADD https://example.com/a.tgz $SRC git@github.com:o/r.git HTTP://X/y /d/");

        assertThat(add.remoteSources())
                .containsExactly("https://example.com/a.tgz", "git@github.com:o/r.git", "HTTP://X/y");
    }

    @Test
    void runSubstitutesMountOptionsOnlyAndLeavesTheCommandToTheShell() {
        var run = (Instruction.Run) only("RUN --mount=type=cache,target=$CACHE,id=c-$NAME echo $NAME");

        assertThat(run.mounts().get(0).target()).isEqualTo("/cache");
        assertThat(run.mounts().get(0).id()).isEqualTo("c-world");
        assertThat(run.command().args()).containsExactly("echo $NAME");
    }

    @Test
    void instructionsDockerNeverSubstitutesComeBackUnchanged() {
        List<Instruction> untouched = stage("FROM x\nCMD echo $X\nENTRYPOINT [\"$X\"]\nSHELL [\"$X\"]\n"
                + "ONBUILD RUN echo $X\nMAINTAINER $X\nHEALTHCHECK CMD echo $X\n");

        for (Instruction i : untouched) {
            assertThat(i.expanded(VARS)).isSameAs(i);
        }
    }

    @Test
    void backtickEscapeFilesSubstituteWithTheirOwnEscape() {
        var env = (Instruction.Env)
                stage("# escape=`\nFROM x\nENV P=C:\\dir\\$X Q=`$X\n").get(0).expanded(VARS);

        assertThat(env.pairs()).containsExactly(new KeyValue("P", "C:\\dir\\old"), new KeyValue("Q", "$X"));
    }
}
