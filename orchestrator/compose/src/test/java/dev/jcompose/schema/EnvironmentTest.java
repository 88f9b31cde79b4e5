package dev.jcompose.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.environment.EnvFileRef;
import dev.jcompose.yaml.Location;
import dev.jcompose.yaml.YamlPath;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentTest {
    private final Fixture fx = new Fixture();

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "'[A=1, B=, C]' => {\"A\":\"1\",\"B\":\"\",\"C\":null}",
                "'[FOO]' => {\"FOO\":\"from-env\"}",
                "'[\"A=b=c\"]' => {\"A\":\"b=c\"}",
                "'[Z=1, A=2, A=3]' => {\"A\":\"3\",\"Z\":\"1\"}",
                "'{A: 1, B: true, C: null, D: 1.5, E: x, F: \"\"}' => {\"A\":\"1\",\"B\":\"true\",\"C\":null,\"D\":\"1.5\",\"E\":\"x\",\"F\":\"\"}",
                "'{FOO: }' => {\"FOO\":\"from-env\"}",
                "'{FOO: set-here}' => {\"FOO\":\"set-here\"}",
                "'{B: false, A: 0x1F}' => {\"A\":\"31\",\"B\":\"false\"}",
                "'[]' => absent",
                "'{}' => absent",
            })
    void environmentForms(String value, String json) {
        assertThat(fx.field("environment: " + value, "environment")).isEqualTo(json);
    }

    @Test
    void envFileValuesAreOverriddenByEnvironment() {
        fx.envFiles.put(Path.of("/work/proj/app.env"), mapOf("A", "file", "B", "file", "U", null));
        assertThat(fx.field("env_file: ./app.env\nenvironment:\n  B: inline", "environment"))
                .isEqualTo("{\"A\":\"file\",\"B\":\"inline\",\"U\":null}");
        assertThat(fx.envFileCalls)
                .containsExactly(List.of(new EnvFileRef(
                        Path.of("/work/proj/app.env"),
                        true,
                        new Location("compose.yaml", 4, 15),
                        YamlPath.of("services", "web", "env_file"))));
    }

    @Test
    void envFileLongFormKeepsOrderAndRequiredFlag() {
        fx.envFiles.put(Path.of("/work/proj/a.env"), Map.of("X", "a"));
        fx.envFiles.put(Path.of("/etc/b.env"), Map.of("X", "b"));
        assertThat(fx.field("env_file:\n  - path: a.env\n    required: false\n  - /etc/b.env", "environment"))
                .isEqualTo("{\"X\":\"b\"}");
        assertThat(fx.envFileCalls.getFirst())
                .containsExactly(
                        new EnvFileRef(
                                Path.of("/work/proj/a.env"),
                                false,
                                new Location("compose.yaml", 5, 15),
                                YamlPath.of("services", "web", "env_file")
                                        .index(0)
                                        .key("path")),
                        new EnvFileRef(
                                Path.of("/etc/b.env"),
                                true,
                                new Location("compose.yaml", 7, 9),
                                YamlPath.of("services", "web", "env_file").index(1)));
    }

    @Test
    void envFileIsNotWrittenToTheCanonicalTree() {
        assertThat(fx.field("env_file: [x.env]", "env_file")).isEqualTo("absent");
        assertThat(fx.field("env_file: [x.env]", "environment")).isEqualTo("absent");
        assertThat(fx.field("env_file: ~/x.env", "environment")).isEqualTo("absent");
        assertThat(fx.envFileCalls.getLast().getFirst().path()).isEqualTo(Path.of("/home/u/x.env"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "'environment: A=1' => compose.yaml:4:18: services.web.environment: must be a mapping or a list of KEY=VALUE strings | found a string",
                "'environment: [\"=x\"]' => compose.yaml:4:19: services.web.environment[0]: invalid entry '=x': empty key | write KEY=VALUE",
                "'environment: {A: [1]}' => compose.yaml:4:22: services.web.environment.A: must be a string, a number or a boolean | found a sequence",
                "'env_file: [{required: true}]' => compose.yaml:4:16: services.web.env_file[0]: path is required | give the file, e.g. path: ./app.env",
                "'env_file: [{path: a.env, format: yaml}]' => compose.yaml:4:38: services.web.env_file[0].format: unsupported env_file format 'yaml' | leave format out for the dotenv syntax, or use raw",
                "'env_file: [{path: a.env, requird: true}]' => compose.yaml:4:30: services.web.env_file[0]: additional property 'requird' is not allowed | did you mean 'required'?",
                "'env_file: {path: a.env}' => compose.yaml:4:15: services.web.env_file: must be a string | found a mapping",
            })
    void errors(String body, String message) {
        assertThat(fx.webError(body)).isEqualTo(message);
    }

    private static Map<String, String> mapOf(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
