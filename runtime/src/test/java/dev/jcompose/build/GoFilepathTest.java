package dev.jcompose.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's filepath.Match and path.Clean, which COPY sources and ignore patterns inherit. */
class GoFilepathTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            *.go        | main.go      | true
            *.go        | cmd/main.go  | false
            cmd/*.go    | cmd/main.go  | true
            *           | .hidden      | true
            a*z         | a/z          | false
            a*z         | abcz         | true
            ?.txt       | 1.txt        | true
            ?.txt       | 12.txt       | false
            ?           | é            | true
            [xyz]1      | y1           | true
            [^xyz]1     | y1           | false
            [a-f0-9]    | 7            | true
            [\\]]x      | ]x           | true
            a\\?        | a?           | true
            a\\?        | ab           | false
            data[0-9]*  | data7.csv    | true
            """)
    void match(String pattern, String name, boolean expected) {
        assertThat(GoFilepath.matches(pattern, name)).isEqualTo(expected);
    }

    @Test
    void malformedPatternsFailEvenWhenTheNameAlreadyMissed() {
        assertThatThrownBy(() -> GoFilepath.matches("x[", "abc")).isInstanceOf(GoFilepath.BadPatternException.class);
        assertThatThrownBy(() -> GoFilepath.matches("[a-]", "a")).isInstanceOf(GoFilepath.BadPatternException.class);
        assertThatThrownBy(() -> GoFilepath.matches("b*[", "a")).isInstanceOf(GoFilepath.BadPatternException.class);
        assertThatThrownBy(() -> GoFilepath.matches("a\\", "a")).isInstanceOf(GoFilepath.BadPatternException.class);
    }

    @Test
    void wildcardsAreUnescapedStarsQuestionMarksAndBrackets() {
        assertThat(GoFilepath.hasWildcards("src/*.js")).isTrue();
        assertThat(GoFilepath.hasWildcards("lock[k]")).isTrue();
        assertThat(GoFilepath.hasWildcards("plain/name.txt")).isFalse();
        assertThat(GoFilepath.hasWildcards("a\\*b")).isFalse();
    }

    @Test
    void cleanIsLexical() {
        assertThat(GoFilepath.clean("./a//b/../c/")).isEqualTo("a/c");
        assertThat(GoFilepath.clean("/../x")).isEqualTo("/x");
        assertThat(GoFilepath.clean("../x")).isEqualTo("../x");
        assertThat(GoFilepath.clean("")).isEqualTo(".");
        assertThat(GoFilepath.clean("/")).isEqualTo("/");
        assertThat(GoFilepath.clean("a/..")).isEqualTo(".");
    }
}
