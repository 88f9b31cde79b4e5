package dev.jcompose.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each directory under {@code dockerfile/parse} holds a Dockerfile and the parse result expected of it
 * ({@code expected.txt}: the records as printed, one instruction a line). Run with
 * {@code -Ddockerfile.expected.write=true} to rewrite the expectations after a deliberate change (then
 * review the diff).
 */
class ParseCorpusTest {

    static Stream<String> cases() throws IOException, URISyntaxException {
        Path root =
                Path.of(ParseCorpusTest.class.getResource("/dockerfile/parse").toURI());
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void parsesAsExpected(String name) throws Exception {
        String text = Resources.text("/dockerfile/parse/" + name + "/Dockerfile");

        String actual = dump(DockerfileParser.parse(text, "Dockerfile"));

        if (Boolean.getBoolean("dockerfile.expected.write")) {
            Files.writeString(
                    Path.of("src/test/resources/dockerfile/parse", name, "expected.txt"),
                    actual,
                    StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Resources.text("/dockerfile/parse/" + name + "/expected.txt"));
    }

    /** One line per note, global ARG, stage and instruction; newlines and tabs shown escaped. */
    static String dump(Dockerfile dockerfile) {
        var out = new StringBuilder();
        dockerfile.notes().forEach(n -> out.append("note ").append(n).append('\n'));
        dockerfile
                .globalArgs()
                .forEach(a -> out.append("global ").append(line(a)).append('\n'));
        for (Stage stage : dockerfile.stages()) {
            out.append("stage ")
                    .append(stage.index())
                    .append(' ')
                    .append(stage.name())
                    .append('\n');
            out.append("  ").append(line(stage.from())).append('\n');
            stage.instructions().forEach(i -> out.append("  ").append(line(i)).append('\n'));
        }
        return out.toString();
    }

    private static String line(Instruction i) {
        return i.toString().replace("\n", "\\n").replace("\t", "\\t");
    }
}
