package dev.jcompose.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every valid sample loads, its canonical JSON is byte-stable between runs, and it equals the
 * reviewed golden file {@code expected-config.json} beside it. Regenerate goldens with
 * {@code -Dgolden.update=true} and review the diff.
 */
class SamplesTest {

    static Stream<String> samples() throws IOException {
        try (Stream<Path> dirs = Files.list(Cli.SAMPLES)) {
            return dirs
                    .filter(d -> Files.isRegularFile(d.resolve("compose.yaml")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void loadsCleanlyAndStably(String sample) throws IOException {
        Path dir = Cli.SAMPLES.resolve(sample);
        Cli.Run first = Cli.run(dir, "config", "--format", "json");
        Cli.Run second = Cli.run(dir, "config", "--format", "json");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(second.out()).isEqualTo(first.out());
        assertGolden(dir.resolve("expected-config.json"), first.outPortable());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void yamlOutputLoadsBackToTheSameModel(String sample) throws IOException {
        Path dir = Cli.SAMPLES.resolve(sample);
        // All profiles on: the output of a profile-filtered project may keep optional dependencies
        // on services it leaves out (as docker compose's does), which a reload rightly rejects.
        Map<String, String> env = Map.of("HOME", Cli.HOME.toString(), "COMPOSE_PROFILES", "*");
        Cli.Run yaml = Cli.run(dir, env, "config");
        assertThat(yaml.exit()).as(yaml.err()).isZero();
        Path copy = Files.createTempFile("roundtrip", ".yaml");
        try {
            Files.writeString(copy, yaml.out());
            Cli.Run again = Cli.run(
                    dir,
                    env,
                    "-f",
                    copy.toString(),
                    "--project-directory",
                    dir.toString(),
                    "config",
                    "--format",
                    "json");
            Cli.Run original = Cli.run(dir, env, "config", "--format", "json");
            assertThat(again.exit()).as(again.err()).isZero();
            assertThat(again.out()).isEqualTo(original.out());
        } finally {
            Files.delete(copy);
        }
    }

    static void assertGolden(Path golden, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
