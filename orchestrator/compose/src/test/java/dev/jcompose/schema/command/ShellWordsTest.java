package dev.jcompose.schema.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShellWordsTest {
    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("echo hello", List.of("echo", "hello")),
                Arguments.of("  echo   hello  ", List.of("echo", "hello")),
                Arguments.of("sh -c 'echo $HOME; ls'", List.of("sh", "-c", "echo $HOME; ls")),
                Arguments.of("echo \"a b\" c", List.of("echo", "a b", "c")),
                Arguments.of("echo a\\ b", List.of("echo", "a b")),
                Arguments.of("echo \"\"", List.of("echo", "")),
                Arguments.of("echo ''", List.of("echo", "")),
                Arguments.of("a'b'c", List.of("abc")),
                Arguments.of("echo \"it's\"", List.of("echo", "it's")),
                Arguments.of("echo 'say \"hi\"'", List.of("echo", "say \"hi\"")),
                Arguments.of("echo \"a\\\"b\"", List.of("echo", "a\"b")),
                Arguments.of("tab\tsep\nnl", List.of("tab", "sep", "nl")),
                Arguments.of("", List.of()),
                Arguments.of("npm run start -- --port=3000", List.of("npm", "run", "start", "--", "--port=3000")));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void splitsLikeGoShellwords(String line, List<String> words) {
        assertThat(ShellWords.split(line)).isEqualTo(words);
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo 'open", "echo \"open", "trailing\\"})
    void rejectsUnterminated(String line) {
        assertThatThrownBy(() -> ShellWords.split(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid command line string");
    }
}
