package dev.jcompose.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.yaml.ComposeFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile and odd input: every case ends in a result or a located compose-file error, never a crash. */
class InputLimitsTest {
    @TempDir
    Path tmp;

    ConfigRun run;

    @BeforeEach
    void setUp() {
        run = new ConfigRun(tmp.resolve("proj"));
    }

    static String nested(int depth, boolean flowLists) {
        StringBuilder sb = new StringBuilder("services: {web: {image: a}}\nx-deep: ");
        sb.append((flowLists ? "[" : "{k: ").repeat(depth)).append("1");
        sb.append((flowLists ? "]" : "}").repeat(depth)).append('\n');
        return sb.toString();
    }

    ComposeFileException error() {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> run.config())
                .isInstanceOf(ComposeFileException.class)
                .satisfies(t -> caught[0] = t);
        return (ComposeFileException) caught[0];
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void nestingUpToTheLimitLoadsAndIsKeptInConfig(boolean lists) {
        run.write("compose.yaml", nested(450, lists));
        assertThat(run.config()).contains("\"x-deep\"");
    }

    @ParameterizedTest
    @ValueSource(ints = {501, 10_000, 100_000})
    void deeperNestingIsAClearErrorAtTheLevelThatCrossesTheLimit(int depth) {
        run.write("compose.yaml", nested(depth, true));
        ComposeFileException e = error();
        assertThat(e.getMessage()).contains("compose.yaml:2:").contains("deeper than 500 levels");
        assertThat(e.exitCode()).isEqualTo(ExitCode.COMPOSE_PARSE);
    }

    @Test
    void aliasesCannotStackNestingPastTheLimit() {
        String deep = "[".repeat(300) + "1" + "]".repeat(300);
        run.write(
                "compose.yaml",
                "x-a: &a " + deep + "\nservices: {web: {image: a}}\nx-b: " + "[".repeat(300) + "*a" + "]".repeat(300)
                        + "\n");
        assertThat(error().getMessage()).contains("deeper than 500 levels through aliases");
    }

    @Test
    void nulInAVolumePathIsAnErrorAtItsLocation() {
        run.write("compose.yaml", "services:\n  web:\n    image: a\n    volumes: [\"./a\\0b:/data\"]\n");
        assertThat(error().getMessage())
                .endsWith("compose.yaml:4:15: services.web.volumes[0]: contains a NUL character (\\0)");
    }

    @Test
    void nulFromAVariableIsAnErrorToo() {
        run.processEnv = java.util.Map.of("DIR", "a\0b");
        run.write("compose.yaml", "services:\n  web:\n    image: a\n    working_dir: /x/${DIR}\n");
        assertThat(error().getMessage()).contains("services.web.working_dir: contains a NUL character");
    }

    @Test
    void aRawNulByteIsAnInvalidFileWithLineAndColumn() {
        run.write("compose.yaml", "services:\n  web:\n    image: a\u0000b\n");
        assertThat(error().getMessage()).contains("compose.yaml:3:13: invalid YAML: character U+0000 is not allowed");
    }

    @Test
    void invalidUtf8IsAnInvalidFileWithLineAndColumn() {
        byte[] text = "services:\n  web:\n    image: a\n    labels: {k: \"\u00e9t\u00e9 X\"}\n"
                .getBytes(StandardCharsets.UTF_8);
        text[text.length - 4] = (byte) 0xff; // the X
        run.write("compose.yaml", text);
        ComposeFileException e = error();
        assertThat(e.getMessage())
                .endsWith("compose.yaml:4:22: invalid UTF-8: byte 0xff cannot start or continue a character");
        assertThat(e.exitCode()).isEqualTo(ExitCode.COMPOSE_PARSE);
    }

    @Test
    void aTruncatedMultiByteCharacterAtTheEndIsInvalidUtf8() {
        byte[] ok = "services: {web: {image: \u00e9}}".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(ok, 25); // first byte of é only
        run.write("compose.yaml", cut);
        assertThat(error().getMessage()).contains("compose.yaml:1:25: invalid UTF-8");
    }

    @Test
    void aFourMegabyteScalarLoadsInLinearTime() {
        String big = "x".repeat(4_000_000);
        run.write(
                "compose.yaml", "services: {web: {image: a, labels: {plain: " + big + ", quoted: \"" + big + "\"}}}\n");
        // Before the reader's buffer was sized to the text this took over 10 s (quadratic copying).
        String json = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run.config());
        assertThat(json.length()).isGreaterThan(8_000_000);
    }

    @Test
    void tenThousandServicesLoadInLinearTime() {
        StringBuilder sb = new StringBuilder("services:\n");
        for (int i = 0; i < 10_000; i++) {
            sb.append("  s")
                    .append(i)
                    .append(": {image: a, depends_on: [s")
                    .append(i / 2)
                    .append("]}\n");
        }
        run.write("compose.yaml", sb.toString().replace("depends_on: [s0]}\n", "}\n"));
        // Key look-ups were linear scans; on a loaded CI machine the budget is generous but far
        // below the minutes that quadratic behaviour takes at this size.
        String json = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run.config());
        assertThat(json).contains("\"s9999\"");
    }

    @Test
    void anOversizedFileIsRefused() {
        run.write("compose.yaml", "x-big: " + "x".repeat(9 * 1024 * 1024) + "\nservices: {web: {image: a}}\n");
        assertThatThrownBy(() -> run.config())
                .isInstanceOf(JcomposeException.class)
                .hasMessageContaining("invalid YAML");
    }
}
