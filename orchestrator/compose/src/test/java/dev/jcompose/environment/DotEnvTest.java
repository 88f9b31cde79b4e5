package dev.jcompose.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** compose-go's dotenv behaviour, most cases taken from its godotenv tests and docker's env-file docs. */
class DotEnvTest {
    private static final Environment LOOKUP = Environment.of(Map.of("ME", "YES", "FROMENV", "env", "EMPTY", ""));

    private static LinkedHashMap<String, String> parse(String text) {
        return DotEnv.parse(text, "test.env", LOOKUP);
    }

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("FOO=bar", "FOO", "bar"),
                Arguments.of("FOO =bar", "FOO", "bar"),
                Arguments.of("FOO= bar", "FOO", "bar"),
                Arguments.of(" KEY =value", "KEY", "value"),
                Arguments.of("\tKEY=value", "KEY", "value"),
                Arguments.of("FOO=\"bar\"", "FOO", "bar"),
                Arguments.of("FOO='bar'", "FOO", "bar"),
                Arguments.of("FOO=\"escaped\\\"bar\"", "FOO", "escaped\"bar"),
                Arguments.of("FOO=\"\\\"quoted\\\"\"", "FOO", "\"quoted\""),
                Arguments.of("FOO=\"'d'\"", "FOO", "'d'"),
                Arguments.of("FOO='\"d\"'", "FOO", "\"d\""),
                Arguments.of("OPTION_A: 1", "OPTION_A", "1"),
                Arguments.of("OPTION_A: Foo=bar", "OPTION_A", "Foo=bar"),
                Arguments.of("OPTION_A=1:B", "OPTION_A", "1:B"),
                Arguments.of(
                        "URL=postgres://localhost:5432/db?sslmode=disable",
                        "URL",
                        "postgres://localhost:5432/db?sslmode=disable"),
                Arguments.of("FOO.BAR=foobar", "FOO.BAR", "foobar"),
                Arguments.of("FOO=foobar=", "FOO", "foobar="),
                Arguments.of("VAR-WITH-DASHES=dashes", "VAR-WITH-DASHES", "dashes"),
                Arguments.of("a[1]=c", "a[1]", "c"),
                Arguments.of("a.propertyKey=d", "a.propertyKey", "d"),
                Arguments.of(
                        "árvíztűrő-TÜKÖRFÚRÓGÉP=ÁRVÍZTŰRŐ-tükörfúrógép",
                        "árvíztűrő-TÜKÖRFÚRÓGÉP",
                        "ÁRVÍZTŰRŐ-tükörfúrógép"),
                Arguments.of("1KEY=x", "1KEY", "x"),
                Arguments.of("KEY=", "KEY", ""),
                Arguments.of("KEY=\"\"", "KEY", ""),
                Arguments.of("KEY=''", "KEY", ""),
                Arguments.of("KEY=   ", "KEY", ""),
                Arguments.of("FOO=bar ", "FOO", "bar"),
                Arguments.of("FOO=some value with spaces", "FOO", "some value with spaces"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void keysAndValues(String line, String key, String value) {
        assertThat(parse(line)).containsExactly(entry(key, value));
    }

    static Stream<Arguments> export() {
        return Stream.of(
                Arguments.of("export OPTION_A=2", "OPTION_A", "2"),
                Arguments.of("export OPTION_B='\\n'", "OPTION_B", "\\n"),
                Arguments.of("export exportFoo=2", "exportFoo", "2"),
                Arguments.of("exportFOO=2", "exportFOO", "2"),
                Arguments.of("export_FOO =2", "export_FOO", "2"),
                Arguments.of("export.FOO= 2", "export.FOO", "2"),
                Arguments.of("export\tOPTION_A=2", "OPTION_A", "2"),
                Arguments.of("  export OPTION_A=2", "OPTION_A", "2"),
                Arguments.of("\texport OPTION_A=2", "OPTION_A", "2"),
                Arguments.of("export OPTION_A=\"export A\"", "OPTION_A", "export A"),
                Arguments.of("export=1", "export", "1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("export")
    void exportPrefix(String line, String key, String value) {
        assertThat(parse(line)).containsExactly(entry(key, value));
    }

    static Stream<Arguments> comments() {
        return Stream.of(
                Arguments.of("FOO=bar # this is foo", "bar"),
                Arguments.of("FOO=bar #this is foo", "bar"),
                Arguments.of("FOO=bar #", "bar"),
                Arguments.of("FOO=bar\t# a tab is not a comment separator", "bar\t# a tab is not a comment separator"),
                Arguments.of("FOO=123#not-an-inline-comment", "123#not-an-inline-comment"),
                Arguments.of("FOO=\"bar#baz\"", "bar#baz"),
                Arguments.of("FOO=\"bar#baz\"#", "bar#baz"),
                Arguments.of("FOO=\"bar#baz\" # comment", "bar#baz"),
                Arguments.of("FOO='bar#baz' # comment", "bar#baz"),
                Arguments.of("FOO=\"bar#baz#bang\" # comment", "bar#baz#bang"),
                Arguments.of("FOO=\"VAL # not a comment\"", "VAL # not a comment"),
                // compose-go: blanks after '=' are skipped first, so this # starts the value
                Arguments.of("FOO= # not a comment", "# not a comment"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comments")
    void inlineComments(String line, String value) {
        assertThat(parse(line)).containsExactly(entry("FOO", value));
    }

    static Stream<Arguments> escapes() {
        return Stream.of(
                Arguments.of("FOO=\"bar\\nbaz\"", "bar\nbaz"),
                Arguments.of("FOO=a\\tb", "a\\tb"),
                Arguments.of("FOO=\"a\\tb\"", "a\tb"),
                Arguments.of("FOO='a\\tb'", "a\\tb"),
                Arguments.of(
                        "FOO=\"Z\\aZ\\bZ\\fZ\\nZ\\rZ\\tZ\\vZ\\\\Z\\0123Z\"", "Z\u0007Z\bZ\fZ\nZ\rZ\tZ\u000BZ\\ZSZ"),
                Arguments.of("FOO=\"bar\\n\\ b\\az\"", "bar\n\\ b\u0007z"),
                Arguments.of("FOO=\"bar\\\\\\n\\ b\\az\"", "bar\\\n\\ b\u0007z"),
                Arguments.of("FOO=\"bar\\\\r\\ b\\az\"", "bar\\r\\ b\u0007z"),
                Arguments.of("FOO=\"bar\\nbaz\\\\\"", "bar\nbaz\\"),
                Arguments.of("FOO=\"\\0123\"", "S"),
                Arguments.of("FOO=\"\\0377\"", "\u00ff"),
                Arguments.of("FOO=\"\\012\"", "\\012"),
                Arguments.of("FOO=\"\\0\"", "\\0"),
                Arguments.of("FOO=\"\\0400\"", "\\0400"),
                Arguments.of("FOO=\"\\0128\"", "\\0128"),
                Arguments.of("FOO=\"\\01234\"", "S4"),
                Arguments.of("FOO=\"\\x07\"", "\\x07"),
                Arguments.of("FOO=\"\\u12e4\"", "\\u12e4"),
                Arguments.of("FOO=\"\\U00101234\"", "\\U00101234"),
                Arguments.of("FOO=\"\\c\"", "\\c"),
                Arguments.of("FOO=\"it\\'s\"", "it\\'s"),
                Arguments.of("FOO='Let\\'s go!'", "Let's go!"),
                Arguments.of("FOO='a\\\\b'", "a\\\\b"),
                Arguments.of("FOO='C:\\\\'", "C:\\\\"),
                Arguments.of("FOO=\"{\\\"hello\\\": \\\"json\\\"}\"", "{\"hello\": \"json\"}"),
                Arguments.of("FOO=\"line 1\nline 2\"", "line 1\nline 2"),
                Arguments.of("FOO='line 1\nline 2'", "line 1\nline 2"),
                Arguments.of(
                        "FOO='line one\nthis is \\'quoted\\'\none more line'",
                        "line one\nthis is 'quoted'\none more line"),
                Arguments.of(
                        "FOO=\"line one\nthis is \\\"quoted\\\"\none more line\"",
                        "line one\nthis is \"quoted\"\none more line"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("escapes")
    void quotingAndEscapes(String line, String value) {
        assertThat(parse(line)).containsExactly(entry("FOO", value));
    }

    static Stream<Arguments> expansion() {
        return Stream.of(
                Arguments.of("FOO=test\nBAR=$FOO", "BAR", "test"),
                Arguments.of("FOO=test\nBAR=${FOO}bar", "BAR", "testbar"),
                Arguments.of("BAR=$UNDEFINED", "BAR", ""),
                Arguments.of("FOO=test\nBAR=\"quote $FOO\"", "BAR", "quote test"),
                Arguments.of("BAR='quote $FOO'", "BAR", "quote $FOO"),
                Arguments.of("BAR='${ME}'", "BAR", "${ME}"),
                Arguments.of("BAR=\"foo\\$BAR\"", "BAR", "foo$BAR"),
                Arguments.of("BAR=\"foo\\${BAR}\"", "BAR", "foo${BAR}"),
                Arguments.of("FOO=test\nBAR=\"foo\\${FOO} ${FOO}\"", "BAR", "foo${FOO} test"),
                Arguments.of("BAR=a\\$ME", "BAR", "a\\YES"),
                Arguments.of("BAR=$$ME", "BAR", "$ME"),
                Arguments.of("TEST=$ME", "TEST", "YES"),
                Arguments.of("ME=file\nX=$ME", "X", "file"),
                Arguments.of("X=$ME\nME=file", "X", "YES"),
                Arguments.of("A=${UNDEFINED:-1}", "A", "1"),
                Arguments.of("A=${ME:-1}", "A", "YES"),
                Arguments.of("A=${EMPTY:-1}", "A", "1"),
                Arguments.of("A=${EMPTY-1}", "A", ""),
                Arguments.of("A=${ME:+on}", "A", "on"),
                Arguments.of("OPTION_A=${OPTION_A:-1}\nOPTION_D=${OPTION_A}_${OPTION_A}", "OPTION_D", "1_1"),
                Arguments.of("A=x # ${NOT_EXPANDED:?comment is cut first}", "A", "x"),
                Arguments.of("A=\"${ME}\\n\"", "A", "YES\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expansion")
    void interpolation(String text, String key, String value) {
        assertThat(parse(text)).containsEntry(key, value);
    }

    @Test
    void interpolationWarnsAboutUnsetVariablesWhenAsked() {
        List<String> warnings = new ArrayList<>();
        DotEnv.parse("A=$NOPE\nB='$NOPE'\n", "x.env", LOOKUP::get, warnings::add);
        assertThat(warnings).containsExactly("The \"NOPE\" variable is not set. Defaulting to a blank string.");
    }

    @Test
    void aKeyAloneTakesItsValueFromTheLookupOrIsUnset() {
        LinkedHashMap<String, String> env = parse("FROMENV\nNOPE\nEMPTY\n  SPACED  \nLAST");
        assertThat(env)
                .containsExactly(
                        entry("FROMENV", "env"),
                        entry("NOPE", null),
                        entry("EMPTY", ""),
                        entry("SPACED", null),
                        entry("LAST", null));
    }

    @Test
    void aKeyAloneReadsOnlyTheLookupAndNeverErasesAnEarlierLine() {
        assertThat(parse("A=1\nA")).containsExactly(entry("A", "1"));
        assertThat(parse("ME=file\nME")).containsExactly(entry("ME", "YES"));
    }

    @Test
    void blankLinesAndCommentLinesAreIgnored() {
        assertThat(parse("\n\n# comment\n  # indented comment\n\t\nA=1\n\n# trailing"))
                .containsExactly(entry("A", "1"));
        assertThat(parse("")).isEmpty();
        assertThat(parse("\r\n")).isEmpty();
        assertThat(parse("# only a comment")).isEmpty();
    }

    @Test
    void crlfLineEndings() {
        assertThat(parse("A=1\r\nB=\"2\"\r\nC='3'\r\nFROMENV\r\nD=4 # c\r\n"))
                .containsExactly(
                        entry("A", "1"), entry("B", "2"), entry("C", "3"), entry("FROMENV", "env"), entry("D", "4"));
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        assertThat(parse("\uFEFFA=1\nB=2")).containsExactly(entry("A", "1"), entry("B", "2"));
    }

    @Test
    void orderIsKeptAndALaterLineOverridesInPlace() {
        assertThat(parse("B=1\nA=2\nB=3")).containsExactly(entry("B", "3"), entry("A", "2"));
    }

    @Test
    void parsingResumesAfterAClosingQuoteAsComposeGoDoes() {
        assertThat(parse("A=\"x\" B=1\nC='y'D=2"))
                .containsExactly(entry("A", "x"), entry("B", "1"), entry("C", "y"), entry("D", "2"));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("lol$wut", 1, 4, "unexpected character \"$\" in variable name \"lol$wut\""),
                Arguments.of(
                        "%!(EXTRA string)=foo",
                        1, 1, "unexpected character \"%\" in variable name \"%!(EXTRA string)=foo\""),
                Arguments.of("A=1\n\n  B\"=2", 3, 4, "unexpected character \"\\\"\" in variable name \"B\\\"=2\""),
                Arguments.of("KEY # comment", 1, 5, "unexpected character \"#\" in variable name \"KEY # comment\""),
                Arguments.of("A=1\nKEY WITH SPACE=x", 2, 1, "key cannot contain a space: \"KEY WITH SPACE\""),
                Arguments.of("A\tB=x", 1, 1, "key cannot contain a space: \"A\\tB\""),
                Arguments.of("=value", 1, 1, "missing variable name before \"=value\""),
                Arguments.of("export =value", 1, 8, "missing variable name before \"=value\""),
                Arguments.of("KEY=\"value", 1, 5, "unterminated quoted value \"value"),
                Arguments.of("KEY=\"", 1, 5, "unterminated quoted value \""),
                Arguments.of("KEY=\"value\\\"", 1, 5, "unterminated quoted value \"value\\\""),
                Arguments.of("KEY=\"value'", 1, 5, "unterminated quoted value \"value'"),
                Arguments.of("KEY='", 1, 5, "unterminated quoted value '"),
                Arguments.of("KEY='value\\'", 1, 5, "unterminated quoted value 'value\\'"),
                Arguments.of("KEY='value\"", 1, 5, "unterminated quoted value 'value\""),
                Arguments.of("A=1\nB=  \"abc\nC=2", 2, 5, "unterminated quoted value \"abc"),
                Arguments.of("A=${", 1, 3, "invalid interpolation format for A: \"${\""),
                Arguments.of("A=x ${B:?need B}", 1, 5, "required variable B is missing a value: need B"),
                Arguments.of("A=x${NO:-${}}", 1, 10, "invalid interpolation format for A: \"x${NO:-${}}\""),
                Arguments.of("A=\"line\n  ${REQ:?r}\"", 2, 3, "required variable REQ is missing a value: r"),
                Arguments.of("A=\"\\t\\t${X:?m}\"", 1, 8, "required variable X is missing a value: m"),
                Arguments.of("A=\"\\$${X:?m}\"", 1, 6, "required variable X is missing a value: m"),
                Arguments.of("A=1\r\nB=${", 2, 3, "invalid interpolation format for B: \"${\""),
                Arguments.of("\uFEFFA=${", 1, 3, "invalid interpolation format for A: \"${\""),
                Arguments.of("É=1\nÉÉ=ÉÉ${", 2, 6, "invalid interpolation format for ÉÉ: \"ÉÉ${\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void invalidFilesAreComposeFileErrorsAtLineAndColumn(String text, int line, int column, String problem) {
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(ComposeFileException.class, e -> {
            assertThat(e.location()).isEqualTo(new Location("test.env", line, column));
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.getMessage()).isEqualTo("test.env:" + line + ":" + column + ": " + problem);
            assertThat(e.hint()).isNotBlank();
            assertThat(e.exitCode()).isEqualTo(ExitCode.COMPOSE_PARSE);
        });
    }

    @Test
    void anUnusedBrokenDefaultIsNoError() {
        assertThat(parse("A=${ME:-${}}")).containsExactly(entry("A", "YES"));
    }

    @Test
    void readsAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("app.env");
        Files.writeString(file, "A=1\nB=${ME}\n");
        assertThat(DotEnv.read(file, LOOKUP)).containsExactly(entry("A", "1"), entry("B", "YES"));
    }

    @Test
    void errorsInAFileNameIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.env");
        Files.writeString(file, "A=1\nB C=2\n");
        assertThatThrownBy(() -> DotEnv.read(file, LOOKUP))
                .hasMessage(file + ":2:1: key cannot contain a space: \"B C\"");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path file = dir.resolve("nope.env");
        assertThatThrownBy(() -> DotEnv.read(file, LOOKUP)).isInstanceOfSatisfying(JcomposeException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("env file " + file + " not found");
            assertThat(e.exitCode()).isEqualTo(ExitCode.FILE_NOT_FOUND);
        });
    }

    @Test
    void aDirectoryIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> DotEnv.read(dir, LOOKUP)).hasMessage(dir + " is a directory, not an env file");
    }

    @Test
    void invalidUtf8IsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.env");
        Files.write(file, new byte[] {'A', '=', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> DotEnv.read(file, LOOKUP)).hasMessage("env file " + file + " is not valid UTF-8");
    }

    @Test
    void devNullIsAnEmptyEnvFile() {
        assertThat(DotEnv.read(Path.of("/dev/null"), LOOKUP)).isEmpty();
    }

    @Test
    void aLineWithOnlyExportIsAKeyNamedExport() {
        assertThat(parse("export\nA=1")).containsExactly(entry("export", null), entry("A", "1"));
    }

    @Test
    void yamlStyleValuesMayBeQuoted() {
        assertThat(parse("A: \"x y\"\nB:'z'")).containsExactly(entry("A", "x y"), entry("B", "z"));
    }

    @Test
    void anOversizedFileIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.env");
        Files.write(file, new byte[(int) DotEnv.MAX_BYTES + 1]);
        assertThatThrownBy(() -> DotEnv.read(file, LOOKUP))
                .hasMessage("env file " + file + " is larger than " + DotEnv.MAX_BYTES + " bytes");
    }
}
