package dev.jcompose.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.JcomposeException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compose files written here in the shape of real-world ones (the awesome-compose kind, docker
 * compose's e2e fixtures), each with docker compose's verdict in {@code verdict}: {@code valid}, or
 * {@code invalid: <part of the message>}.
 */
class RealisticCorpusTest {
    @TempDir
    Path tmp;

    static List<String> projects() throws IOException, URISyntaxException {
        Path root = Path.of(RealisticCorpusTest.class.getResource("/corpus").toURI());
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void loadsWithDockerComposesVerdict(String name) throws Exception {
        Path source =
                Path.of(RealisticCorpusTest.class.getResource("/corpus/" + name).toURI());
        ConfigRun run = new ConfigRun(tmp.resolve(name));
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                run.write(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        String verdict = Files.readString(source.resolve("verdict")).strip();
        if (verdict.equals("valid")) {
            assertThat(run.config()).contains("\"services\"");
        } else {
            assertThatThrownBy(run::config)
                    .isInstanceOf(JcomposeException.class)
                    .hasMessageContaining(verdict.substring("invalid: ".length()));
        }
    }
}
