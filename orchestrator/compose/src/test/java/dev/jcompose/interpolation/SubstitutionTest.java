package dev.jcompose.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The interpolation engine, against compose-go's template tests and the compose-spec. FOO=first, BAR="" */
class SubstitutionTest {
    private static final Map<String, String> ENV = Map.of("FOO", "first", "BAR", "", "lower", "l", "_u1", "u");
    private final List<String> warnings = new ArrayList<>();

    private String expand(String template) {
        return new Substitution(name -> Optional.ofNullable(ENV.get(name)), warnings::add).expand(template);
    }

    static Stream<Arguments> operators() {
        return Stream.of(
                // ${VAR:-default}: default when unset or empty
                Arguments.of("${FOO:-def}", "first"),
                Arguments.of("${BAR:-def}", "def"),
                Arguments.of("${UNSET:-def}", "def"),
                // ${VAR-default}: default only when unset
                Arguments.of("${FOO-def}", "first"),
                Arguments.of("${BAR-def}", ""),
                Arguments.of("${UNSET-def}", "def"),
                // ${VAR:+alt}: alt when set and not empty
                Arguments.of("${FOO:+alt}", "alt"),
                Arguments.of("${BAR:+alt}", ""),
                Arguments.of("${UNSET:+alt}", ""),
                // ${VAR+alt}: alt when set
                Arguments.of("${FOO+alt}", "alt"),
                Arguments.of("${BAR+alt}", "alt"),
                Arguments.of("${UNSET+alt}", ""),
                // ${VAR:?err} / ${VAR?err} when they succeed
                Arguments.of("${FOO:?err}", "first"),
                Arguments.of("${FOO?err}", "first"),
                Arguments.of("${BAR?err}", ""),
                // direct substitution
                Arguments.of("$FOO", "first"),
                Arguments.of("${FOO}", "first"),
                Arguments.of("$BAR", ""),
                Arguments.of("${BAR}", ""),
                Arguments.of("$lower", "l"),
                Arguments.of("${_u1}", "u"),
                // empty arguments
                Arguments.of("${UNSET:-}", ""),
                Arguments.of("${UNSET-}", ""),
                Arguments.of("${FOO:+}", ""),
                Arguments.of("${FOO?}", "first"));
    }

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @MethodSource("operators")
    void operatorsWithSetEmptyAndUnsetVariables(String template, String expected) {
        assertThat(expand(template)).isEqualTo(expected);
    }

    static Stream<Arguments> text() {
        return Stream.of(
                Arguments.of("This $FOO var", "This first var"),
                Arguments.of("This ${FOO} var", "This first var"),
                Arguments.of("a${FOO}b", "afirstb"),
                Arguments.of("$FOO-bar", "first-bar"),
                Arguments.of("$FOO.bar", "first.bar"),
                Arguments.of("${FOO}_x", "first_x"),
                Arguments.of("$FOO$FOO", "firstfirst"),
                Arguments.of("${FOO:-x}-${UNSET:-y}", "first-y"),
                Arguments.of("${UNSET:-a} and ${UNSET:-b}", "a and b"),
                Arguments.of("line1\n${FOO}\n$FOO", "line1\nfirst\nfirst"),
                Arguments.of("no variables at all", "no variables at all"),
                Arguments.of("", ""),
                Arguments.of("ünïcødé ${FOO} ✓", "ünïcødé first ✓"));
    }

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @MethodSource("text")
    void mixedText(String template, String expected) {
        assertThat(expand(template)).isEqualTo(expected);
    }

    static Stream<Arguments> dollars() {
        return Stream.of(
                Arguments.of("$$", "$"),
                Arguments.of("$${FOO}", "${FOO}"),
                Arguments.of("$$FOO", "$FOO"),
                Arguments.of("$$$FOO", "$first"),
                Arguments.of("$$$$", "$$"),
                Arguments.of("echo $$HOME", "echo $HOME"),
                // a $ that starts nothing is kept (compose-spec: "preserved without attempting to interpolate")
                Arguments.of("a $ string", "a $ string"),
                Arguments.of("^REGEX$", "^REGEX$"),
                Arguments.of("$}", "$}"),
                Arguments.of("$", "$"),
                Arguments.of("$1", "$1"),
                Arguments.of("cost: $5", "cost: $5"),
                Arguments.of("$-", "$-"),
                Arguments.of("$ {FOO}", "$ {FOO}"),
                Arguments.of("$-$FOO", "$-first"));
    }

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @MethodSource("dollars")
    void dollarEscapesAndLiteralDollars(String template, String expected) {
        assertThat(expand(template)).isEqualTo(expected);
    }

    static Stream<Arguments> nesting() {
        return Stream.of(
                Arguments.of("${UNSET:-${FOO}}", "first"),
                Arguments.of("${UNSET:-${UNSET2:-x}}", "x"),
                Arguments.of("${UNSET-$FOO}", "first"),
                Arguments.of("${UNSET-${FOO} ${FOO}}", "first first"),
                Arguments.of("${BAR:-$FOO}", "first"),
                Arguments.of("${BAR:-${FOO} ${FOO}}", "first first"),
                Arguments.of("${BAR+$FOO}", "first"),
                Arguments.of("${BAR+$FOO ${FOO:+second}}", "first second"),
                Arguments.of("${FOO:+[${FOO}]}", "[first]"),
                Arguments.of("${UNSET:-${UNSET2:-${FOO}}}", "first"),
                Arguments.of("+ok ${UNSET:-${BAR-defaultValue}}", "+ok "),
                // operator characters in the outer text or in the argument change nothing
                Arguments.of("-ok ${BAR:-defaultValue}", "-ok defaultValue"),
                Arguments.of(":-ok ${UNSET-defaultValue}", ":-ok defaultValue"),
                Arguments.of(":-ok ${BAR-defaultValue}", ":-ok "),
                Arguments.of(":?ok ${BAR:-defaultValue}", ":?ok defaultValue"),
                Arguments.of("?ok ${BAR:-defaultValue}", "?ok defaultValue"),
                Arguments.of("ok ${BAR:-/non:-alphanumeric}", "ok /non:-alphanumeric"),
                Arguments.of("${UNSET-myerror?msg}", "myerror?msg"),
                Arguments.of("${UNSET:-a:b}", "a:b"),
                // braces in arguments: balanced braces belong to the argument, a stray one is text
                Arguments.of("${UNSET:-{x}}", "{x}"),
                Arguments.of("${UNSET:-a}b}", "ab}"),
                Arguments.of("${UNSET:-{}", "{"),
                Arguments.of("${FOO:-{}", "first"));
    }

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @MethodSource("nesting")
    void nestingAndArguments(String template, String expected) {
        assertThat(expand(template)).isEqualTo(expected);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("${", 0),
                Arguments.of("${}", 0),
                Arguments.of("${ }", 0),
                Arguments.of("${ foo}", 0),
                Arguments.of("${foo }", 0),
                Arguments.of("${foo!}", 0),
                Arguments.of("${1}", 0),
                Arguments.of("${FOO", 0),
                Arguments.of("${FOO:x}", 0),
                Arguments.of("${FOO:}", 0),
                Arguments.of("${FOO/a/b}", 0),
                Arguments.of("${FOO:-x", 0),
                Arguments.of("abc ${FOO", 4),
                Arguments.of("$FOO ${", 5),
                Arguments.of("${FOO} ${BAR-x", 7),
                // an expression never spans lines
                Arguments.of("${UNSET:-x\n}", 0),
                // an error inside a default that is used
                Arguments.of("${UNSET:-${}}", 9),
                Arguments.of("ok ${UNSET:-a ${ b}", 14));
    }

    @ParameterizedTest(name = "{0} is invalid at {1}")
    @MethodSource("invalid")
    void invalidSyntaxIsReportedWithTheOffsetOfItsDollar(String template, int offset) {
        assertThatThrownBy(() -> expand(template)).isInstanceOfSatisfying(InterpolationException.class, e -> {
            assertThat(e.kind()).isEqualTo(InterpolationException.Kind.INVALID_FORMAT);
            assertThat(e.offset()).isEqualTo(offset);
            assertThat(e.getMessage()).isEqualTo("invalid interpolation format");
            assertThat(e.hint()).isEqualTo("You may need to escape any $ with another $.");
        });
    }

    @Test
    void argumentsAreExpandedOnlyWhenUsedSoAnUnusedBrokenDefaultIsNoError() {
        assertThat(expand("${FOO:-${}}")).isEqualTo("first");
        assertThat(expand("${UNSET:+${}}")).isEmpty();
        assertThat(expand("${FOO:?${}}")).isEqualTo("first");
    }

    static Stream<Arguments> required() {
        return Stream.of(
                Arguments.of(
                        "not ok ${UNSET_VAR:?Mandatory Variable Unset}",
                        "UNSET_VAR",
                        "required variable UNSET_VAR is missing a value: Mandatory Variable Unset",
                        7),
                Arguments.of(
                        "not ok ${BAR:?Mandatory Variable Empty}",
                        "BAR",
                        "required variable BAR is missing a value: Mandatory Variable Empty",
                        7),
                Arguments.of("${UNSET_VAR:?}", "UNSET_VAR", "required variable UNSET_VAR is missing a value", 0),
                Arguments.of(
                        "${UNSET_VAR?Mandatory Variable Unset}",
                        "UNSET_VAR",
                        "required variable UNSET_VAR is missing a value: Mandatory Variable Unset",
                        0),
                Arguments.of("${UNSET_VAR?}", "UNSET_VAR", "required variable UNSET_VAR is missing a value", 0),
                Arguments.of(
                        "${UNSET_VAR:?Mandatory ${FOO}}",
                        "UNSET_VAR",
                        "required variable UNSET_VAR is missing a value: Mandatory first",
                        0),
                Arguments.of(
                        "${UNSET_VAR?bar-baz}",
                        "UNSET_VAR",
                        "required variable UNSET_VAR is missing a value: bar-baz",
                        0),
                Arguments.of(
                        "x ${UNSET:-${NEEDED:?set it}}",
                        "NEEDED",
                        "required variable NEEDED is missing a value: set it",
                        11));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("required")
    void requiredVariables(String template, String variable, String message, int offset) {
        assertThatThrownBy(() -> expand(template)).isInstanceOfSatisfying(InterpolationException.class, e -> {
            assertThat(e.kind()).isEqualTo(InterpolationException.Kind.MISSING_REQUIRED);
            assertThat(e.variable()).isEqualTo(variable);
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.offset()).isEqualTo(offset);
        });
    }

    @Test
    void unsetVariablesWithoutOperatorExpandToBlankWithComposesWarning() {
        assertThat(expand("[$UNSET][${ALSO}]")).isEqualTo("[][]");
        assertThat(warnings)
                .containsExactly(
                        "The \"UNSET\" variable is not set. Defaulting to a blank string.",
                        "The \"ALSO\" variable is not set. Defaulting to a blank string.");
    }

    @Test
    void everyOccurrenceWarns() {
        expand("$UNSET $UNSET");
        assertThat(warnings).hasSize(2);
    }

    @Test
    void operatorsNeverWarnButVariablesInsideAUsedArgumentDo() {
        assertThat(expand("${UNSET:-x}${UNSET-y}${UNSET:+z}${UNSET+w}")).isEqualTo("xy");
        assertThat(warnings).isEmpty();
        assertThat(expand("${UNSET:+$ALSO}")).isEmpty();
        assertThat(warnings).isEmpty();
        assertThat(expand("${FOO:+<$ALSO>}")).isEqualTo("<>");
        assertThat(warnings).containsExactly("The \"ALSO\" variable is not set. Defaulting to a blank string.");
    }

    @Test
    void emptyVariablesDoNotWarn() {
        assertThat(expand("$BAR${BAR}")).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void nestingIsBoundedSoHostileInputFailsCleanly() {
        String ok = "${U:-".repeat(Substitution.MAX_DEPTH) + "deep" + "}".repeat(Substitution.MAX_DEPTH);
        assertThat(expand(ok)).isEqualTo("deep");
        String tooDeep = "x${U:-".repeat(Substitution.MAX_DEPTH + 1) + "}".repeat(Substitution.MAX_DEPTH + 1);
        assertThatThrownBy(() -> expand(tooDeep)).isInstanceOfSatisfying(InterpolationException.class, e -> {
            assertThat(e.kind()).isEqualTo(InterpolationException.Kind.TOO_DEEP);
            assertThat(e.getMessage()).isEqualTo("interpolation nested more than 64 levels deep");
            assertThat(e.offset()).isEqualTo(1 + 6 * Substitution.MAX_DEPTH);
        });
    }

    @Test
    void manyExpressionsOnOneLongLineStayLinear() {
        String line = "${FOO:-x}${UNSET:-y} ".repeat(100_000) + "tail without braces ".repeat(10_000);
        long t0 = System.nanoTime();
        String out = expand(line);
        assertThat(out).startsWith("firsty firsty ").hasSize("firsty ".length() * 100_000 + 200_000);
        assertThat(System.nanoTime() - t0).isLessThan(5_000_000_000L);
    }

    static Stream<Arguments> quoting() {
        return Stream.of(
                Arguments.of("${", "\"${\""),
                Arguments.of("a\"b", "\"a\\\"b\""),
                Arguments.of("back\\slash", "\"back\\\\slash\""),
                Arguments.of("two\nlines\t\r", "\"two\\nlines\\t\\r\""),
                Arguments.of("bell\u0007", "\"bell\\a\""),
                Arguments.of("soh\u0001", "\"soh\\x01\""),
                Arguments.of("é ✓", "\"é ✓\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quoting")
    void quotesLikeGo(String raw, String quoted) {
        assertThat(Substitution.quoted(raw)).isEqualTo(quoted);
    }
}
