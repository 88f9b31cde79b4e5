package dev.jcompose.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.image.ImageConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Dockerfile corpus ({@code src/test/resources/build-corpus/<case>/}): each case is a build
 * context with a Dockerfile and an {@code expect.txt} saying what the built image must hold (files,
 * modes, owners, absences), its config and history, what a container of it prints, or the error the
 * build fails with. Built on the real runtime from {@code busybox:test}.
 */
@Tag("root")
class DockerfileCorpusRootTest {
    private static final Path CORPUS = Path.of("src/test/resources/build-corpus");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            return dirs.map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void buildsAsExpected(String name) throws Exception {
        List<String> expect = Files.readAllLines(CORPUS.resolve(name).resolve("expect.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .toList();
        try (BuildFixture fx = new BuildFixture()) {
            Path ctx = copy(CORPUS.resolve(name), fx.dir.resolve("ctx").resolve(name));
            Map<String, String> args = new TreeMap<>();
            String target = null;
            for (String line : expect) {
                String[] w = line.split(" ", 2);
                if (w[0].equals("arg")) {
                    args.put(w[1].substring(0, w[1].indexOf('=')), w[1].substring(w[1].indexOf('=') + 1));
                } else if (w[0].equals("target")) {
                    target = w[1];
                }
            }
            String tag = "corpus/" + name + ":test";
            BuildRequest request = fx.request(ctx, tag, args, target, false);
            List<String> errors =
                    expect.stream().filter(l -> l.startsWith("error ")).toList();
            if (!errors.isEmpty()) {
                var thrown = assertThatThrownBy(() -> fx.build(request));
                errors.forEach(e -> thrown.hasMessageContaining(unescape(e.substring(6))));
                return;
            }
            fx.build(request);
            for (String line : expect) {
                check(fx, tag, line);
            }
        }
    }

    private static void check(BuildFixture fx, String tag, String line) throws Exception {
        String[] w = line.split(" ", 3);
        ImageConfig config = fx.config(tag);
        switch (w[0]) {
            case "arg", "target" -> {}
            case "file" -> assertThat(fx.read(tag, w[1])).as(line).isEqualTo(unescape(w[2]));
            case "absent" -> assertThat(fx.exists(tag, w[1])).as(line).isFalse();
            case "mode" -> assertThat(fx.mode(tag, w[1])).as(line).isEqualTo(w[2].replaceFirst("^0", ""));
            case "owner" -> assertThat(fx.owner(tag, w[1])).as(line).isEqualTo(w[2]);
            case "config" -> assertThat(configField(config, w[1])).as(line).isEqualTo(unescape(w[2]));
            case "env" -> assertThat(config.env()).as(line).contains(line.substring(4));
            case "label" -> assertThat(config.labels()).as(line).containsEntry(w[1], unescape(w[2]));
            case "layers" -> assertThat(config.diffIds().size() - 1).as(line).isEqualTo(Integer.parseInt(w[1]));
            case "prints" -> {
                BuildFixture.Ran ran = fx.run(tag, null);
                assertThat(ran.exitCode()).as(line + "\n" + ran.output()).isZero();
                assertThat(ran.output().strip()).as(line).isEqualTo(unescape(line.substring(7)));
            }
            case "run" -> {
                String[] parts = line.substring(4).split(" => ", 2);
                List<String> argv = List.of(JSON.readValue(parts[0], String[].class));
                BuildFixture.Ran ran = fx.run(tag, argv);
                assertThat(ran.output().strip()).as(line).isEqualTo(unescape(parts[1]));
            }
            default -> throw new IllegalArgumentException("unknown expectation: " + line);
        }
    }

    private static String configField(ImageConfig c, String field) {
        Object v = switch (field) {
            case "user" -> c.user();
            case "workdir" -> c.workingDir();
            case "cmd" -> c.cmd();
            case "entrypoint" -> c.entrypoint();
            case "ports" -> c.exposedPorts();
            case "volumes" -> c.volumes();
            case "stopsignal" -> c.stopSignal();
            case "healthcheck" ->
                c.healthcheckOptional().map(ImageConfig.Healthcheck::test).orElse(null);
            default -> throw new IllegalArgumentException("unknown config field " + field);
        };
        return String.valueOf(v);
    }

    static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\t", "\t");
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else if (!p.getFileName().toString().equals("expect.txt")) {
                    Files.copy(p, dest, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }
}
