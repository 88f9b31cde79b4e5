package dev.jcompose.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code invalid/} is rejected with exactly the error in its {@code expected.txt}:
 * first line {@code exit N}, then the stderr text (sample directory shown as {@code $SAMPLES}).
 * No stack trace, ever.
 */
class InvalidSamplesTest {

    static Stream<String> invalid() throws IOException {
        try (Stream<Path> dirs = Files.list(Cli.SAMPLES.resolve("invalid"))) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void isRejectedWithItsExactError(String sample) throws IOException {
        Path dir = Cli.SAMPLES.resolve("invalid").resolve(sample);
        Cli.Run run = Cli.run(dir, "config", "-q");
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).doesNotContain("\tat ", "Exception");
        SamplesTest.assertGolden(dir.resolve("expected.txt"), "exit " + run.exit() + "\n" + run.errPortable());
        assertThat(run.exit()).isNotZero();
    }
}
