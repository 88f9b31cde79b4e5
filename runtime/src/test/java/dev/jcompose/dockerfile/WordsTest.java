package dev.jcompose.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Docker's word substitution, case by case from {@code dockerfile/words.txt}. */
class WordsTest {
    private static final Map<String, String> VARIABLES =
            Map.of("HOME", "/root", "SHELL", "sh", "EMPTY", "", "UNI", "ünï", "FILE", "archive.tar.gz");
    private static final SourceLine AT = new SourceLine("Dockerfile", 3, "ENV", "ENV x=...");

    static Stream<Arguments> cases() {
        return Resources.text("/dockerfile/words.txt")
                .lines()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> {
                    int bar = l.lastIndexOf('|');
                    return Arguments.of(
                            l.substring(0, bar).strip(), l.substring(bar + 1).strip());
                });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("cases")
    void substitutesLikeDocker(String word, String expected) {
        Function<String, String> variables = VARIABLES::get;
        if (expected.startsWith("error: ")) {
            DockerfileException e =
                    catchThrowableOfType(DockerfileException.class, () -> Words.expand(word, variables, AT));
            assertThat(e).as("%s is refused", word).isNotNull();
            assertThat(e.getMessage())
                    .isEqualTo("Dockerfile:3: ENV: failed to process \"" + word + "\": " + expected.substring(7));
        } else {
            assertThat(Words.expand(word, variables, AT)).isEqualTo(expected);
        }
    }

    @Test
    void fieldsSplitSubstitutedAndPlainTextButNotQuotedOrEscapedText() {
        Function<String, String> vars = Map.of("PORTS", " 80  443/udp ", "ONE", "8080")::get;

        assertThat(Words.expandToFields("$PORTS", vars, AT)).containsExactly("80", "443/udp");
        assertThat(Words.expandToFields("\"$PORTS\"", vars, AT)).containsExactly(" 80  443/udp ");
        assertThat(Words.expandToFields("a\\ b${ONE}", vars, AT)).containsExactly("a b8080");
        assertThat(Words.expandToFields("${NOPE:-1 2}", vars, AT)).containsExactly("1", "2");
        assertThat(Words.expandToFields("$NOPE", vars, AT)).isEmpty();
    }

    @Test
    void heredocBodiesKeepQuotesButSubstitute() {
        String body = "name='$SHELL' \"$HOME\"\nescaped \\$HOME\n";

        assertThat(Words.expandHeredoc(body, VARIABLES::get, AT)).isEqualTo("name='sh' \"/root\"\nescaped $HOME\n");
    }

    @Test
    void backtickEscapedWordsAreRewrittenForTheLexer() {
        assertThat(Words.toBackslashEscape("C:\\dir`$HOME", '`')).isEqualTo("C:\\\\dir\\$HOME");
        assertThat(Words.expand(Words.toBackslashEscape("C:\\dir`$HOME", '`'), VARIABLES::get, AT))
                .isEqualTo("C:\\dir$HOME");
        assertThat(Words.expand(Words.toBackslashEscape("'C:\\x' \"a`\"b\\c\"", '`'), VARIABLES::get, AT))
                .isEqualTo("C:\\x a\"b\\c");
        assertThat(Words.toBackslashEscape("a\\b", '\\')).isEqualTo("a\\b");
        assertThat(Words.expand(Words.toBackslashEscape("\"`\\`x\"z`", '`'), VARIABLES::get, AT))
                .isEqualTo("`\\`xz");
    }
}
