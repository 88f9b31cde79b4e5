package dev.jcompose.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.jcompose.ExitCode;
import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.Location;
import dev.jcompose.yaml.YamlPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFilesTest {
    private static final Environment PROJECT = Environment.of(Map.of("TAG", "1.0", "SHELL_ONLY", "sh"));
    private static final Location AT = new Location("compose.yaml", 7, 9);

    @TempDir
    Path dir;

    private EnvFileRef ref(String name, boolean required, int index) {
        return new EnvFileRef(
                dir.resolve(name),
                required,
                AT,
                YamlPath.of("services", "web", "env_file").index(index));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    @Test
    void rawFormatKeepsValuesAsWrittenAsDockerRunEnvFileDoes() throws IOException {
        // docker compose's TestRawEnvFile: the quotes reach the container
        write("r.env", "\uFEFFTEST_VAR='{\"key\": \"value\"}'\n  # comment\n\nDOLLAR=${TAG} #x \nSHELL_ONLY\nUNSET\n");
        EnvFileRef raw = new EnvFileRef(
                dir.resolve("r.env"),
                true,
                AT,
                YamlPath.of("services", "web", "env_file").index(0),
                true);
        assertThat(EnvFiles.resolve(List.of(raw), PROJECT))
                .containsExactly(
                        entry("TEST_VAR", "'{\"key\": \"value\"}'"),
                        entry("DOLLAR", "${TAG} #x "),
                        entry("SHELL_ONLY", "sh"));
        assertThat(EnvFiles.resolve(List.of(ref("r.env", true, 0)), PROJECT))
                .as("the dotenv syntax strips the quotes")
                .containsEntry("TEST_VAR", "{\"key\": \"value\"}");
    }

    @Test
    void rawFormatRefusesANameWithSpaces() throws IOException {
        write("r.env", "BAD NAME=1\n");
        EnvFileRef raw = new EnvFileRef(
                dir.resolve("r.env"),
                true,
                AT,
                YamlPath.of("services", "web", "env_file").index(0),
                true);
        assertThatThrownBy(() -> EnvFiles.resolve(List.of(raw), PROJECT))
                .hasMessageEndingWith("r.env:1: variable 'BAD NAME' contains whitespaces");
    }

    @Test
    void laterFilesOverrideEarlierOnesInFirstSeenOrder() throws IOException {
        write("a.env", "A=1\nB=1\n");
        write("b.env", "C=2\nB=2\n");
        assertThat(EnvFiles.resolve(List.of(ref("a.env", true, 0), ref("b.env", true, 1)), PROJECT))
                .containsExactly(entry("A", "1"), entry("B", "2"), entry("C", "2"));
    }

    @Test
    void valuesInterpolateWithTheFileThenTheProjectEnvironmentButNotEarlierFiles() throws IOException {
        write("a.env", "X=from-a\n");
        write("b.env", "IMAGE=app:${TAG}\nOWN=o\nUSE=${OWN}-${X:-no-x}\n");
        assertThat(EnvFiles.resolve(List.of(ref("a.env", true, 0), ref("b.env", true, 1)), PROJECT))
                .containsEntry("IMAGE", "app:1.0")
                .containsEntry("USE", "o-no-x");
    }

    @Test
    void aKeyOnlyLineTakesTheProjectValueOrIsLeftOut() throws IOException {
        write("a.env", "SHELL_ONLY=file\nMISSING=file\n");
        write("b.env", "SHELL_ONLY\nMISSING\nNEW_MISSING\n");
        assertThat(EnvFiles.resolve(List.of(ref("a.env", true, 0), ref("b.env", true, 1)), PROJECT))
                .containsExactly(entry("SHELL_ONLY", "sh"), entry("MISSING", "file"));
    }

    @Test
    void aMissingRequiredFileIsAnErrorAtItsEntry() {
        Path missing = dir.resolve("missing.env");
        assertThatThrownBy(() -> EnvFiles.resolve(List.of(ref("missing.env", true, 2)), PROJECT))
                .isInstanceOfSatisfying(ComposeFileException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo(
                                    "compose.yaml:7:9: services.web.env_file[2]: env file " + missing + " not found");
                    assertThat(e.hint()).contains("required: false");
                    assertThat(e.exitCode()).isEqualTo(ExitCode.FILE_NOT_FOUND);
                });
    }

    @Test
    void aMissingOptionalFileIsSkipped() throws IOException {
        write("a.env", "A=1\n");
        assertThat(EnvFiles.resolve(List.of(ref("nope.env", false, 0), ref("a.env", true, 1)), PROJECT))
                .containsExactly(entry("A", "1"));
    }

    @Test
    void aSyntaxErrorPointsIntoTheEnvFile() throws IOException {
        write("bad.env", "A=1\nB=\"open\n");
        assertThatThrownBy(() -> EnvFiles.resolve(List.of(ref("bad.env", true, 0)), PROJECT))
                .isInstanceOfSatisfying(ComposeFileException.class, e -> {
                    assertThat(e.location())
                            .isEqualTo(new Location(dir.resolve("bad.env").toString(), 2, 3));
                    assertThat(e.problem()).isEqualTo("unterminated quoted value \"open");
                });
    }

    @Test
    void aDirectoryIsAnErrorAtTheEntry() throws IOException {
        Files.createDirectories(dir.resolve("sub.env"));
        assertThatThrownBy(() -> EnvFiles.resolve(List.of(ref("sub.env", true, 0)), PROJECT))
                .isInstanceOfSatisfying(ComposeFileException.class, e -> {
                    assertThat(e.location()).isEqualTo(AT);
                    assertThat(e.problem()).isEqualTo(dir.resolve("sub.env") + " is a directory, not an env file");
                });
    }

    @Test
    void warningsAreReported() throws IOException {
        write("a.env", "A=$NOT_SET\n");
        List<String> warnings = new ArrayList<>();
        EnvFiles.resolve(List.of(ref("a.env", true, 0)), PROJECT, warnings::add);
        assertThat(warnings).containsExactly("The \"NOT_SET\" variable is not set. Defaulting to a blank string.");
    }

    @Test
    void noFilesNoVariables() {
        assertThat(EnvFiles.resolve(List.of(), PROJECT)).isEmpty();
    }
}
