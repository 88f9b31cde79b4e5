package dev.jcompose.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.environment.Environment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeFilesTest {
    @TempDir
    Path tmp;

    LoaderFixture fx;
    final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fx = new LoaderFixture(tmp);
    }

    private ComposeFiles resolve(Path wd, List<String> files, Path projectDir, Map<String, String> env) {
        return ComposeFiles.resolve(wd, files, projectDir, Environment.of(env), warnings::add);
    }

    private static List<String> names(ComposeFiles files) {
        return files.files().stream().map(ConfigFile::name).toList();
    }

    @Test
    void discoversComposeYamlInTheWorkingDirectory() {
        fx.write("compose.yaml", "services: {}");
        ComposeFiles files = resolve(tmp, List.of(), null, Map.of());
        assertThat(names(files)).containsExactly(fx.abs("compose.yaml"));
        assertThat(files.projectDirectory()).isEqualTo(tmp);
        assertThat(warnings).isEmpty();
    }

    @Test
    void addsTheOverrideFileBesideIt() {
        fx.write("compose.yaml", "");
        fx.write("compose.override.yaml", "");
        assertThat(names(resolve(tmp, List.of(), null, Map.of())))
                .containsExactly(fx.abs("compose.yaml"), fx.abs("compose.override.yaml"));
    }

    @Test
    void legacyNamesAndOverride() {
        fx.write("docker-compose.yml", "");
        fx.write("docker-compose.override.yml", "");
        assertThat(names(resolve(tmp, List.of(), null, Map.of())))
                .containsExactly(fx.abs("docker-compose.yml"), fx.abs("docker-compose.override.yml"));
    }

    @Test
    void prefersComposeYamlAndWarnsAboutTheOthers() {
        fx.write("compose.yaml", "");
        fx.write("docker-compose.yaml", "");
        assertThat(names(resolve(tmp, List.of(), null, Map.of()))).containsExactly(fx.abs("compose.yaml"));
        assertThat(warnings)
                .containsExactly(
                        "Found multiple config files with supported names: " + fx.abs("compose.yaml") + ", "
                                + fx.abs("docker-compose.yaml"),
                        "Using " + fx.abs("compose.yaml"));
    }

    @Test
    void composeYmlBeatsDockerComposeYml() {
        fx.write("compose.yml", "");
        fx.write("docker-compose.yml", "");
        assertThat(names(resolve(tmp, List.of(), null, Map.of()))).containsExactly(fx.abs("compose.yml"));
    }

    @Test
    void overridePreferenceFollowsCompose() {
        fx.write("compose.yaml", "");
        fx.write("compose.override.yaml", "");
        fx.write("compose.override.yml", "");
        assertThat(names(resolve(tmp, List.of(), null, Map.of())))
                .containsExactly(fx.abs("compose.yaml"), fx.abs("compose.override.yml"));
        assertThat(warnings)
                .containsExactly(
                        "Found multiple override files with supported names: " + fx.abs("compose.override.yml") + ", "
                                + fx.abs("compose.override.yaml"),
                        "Using " + fx.abs("compose.override.yml"));
    }

    @Test
    void searchesParentDirectories() {
        fx.write("compose.yml", "");
        Path deep = tmp.resolve("a/b");
        fx.write("a/b/keep", "");
        ComposeFiles files = resolve(deep, List.of(), null, Map.of());
        assertThat(names(files)).containsExactly(fx.abs("compose.yml"));
        assertThat(files.projectDirectory()).isEqualTo(tmp);
    }

    @Test
    void projectDirectoryStartsTheSearchAndIsKept() {
        fx.write("app/compose.yaml", "");
        ComposeFiles files = resolve(tmp, List.of(), tmp.resolve("app"), Map.of());
        assertThat(names(files)).containsExactly(fx.abs("app/compose.yaml"));
        assertThat(files.projectDirectory()).isEqualTo(tmp.resolve("app"));
    }

    @Test
    void noFileAnywhereIsComposesError() {
        assertThatThrownBy(() -> resolve(tmp, List.of(), null, Map.of()))
                .isInstanceOf(JcomposeException.class)
                .hasMessage("no configuration file provided: not found")
                .extracting(e -> ((JcomposeException) e).exitCode())
                .isEqualTo(ExitCode.FILE_NOT_FOUND);
    }

    @Test
    void explicitFilesAreUsedInOrderWithoutOverrideDiscovery() {
        fx.write("compose.yaml", "");
        fx.write("compose.override.yaml", "");
        fx.write("sub/b.yaml", "");
        ComposeFiles files = resolve(tmp, List.of("sub/b.yaml", "compose.yaml"), null, Map.of());
        assertThat(names(files)).containsExactly(fx.abs("sub/b.yaml"), fx.abs("compose.yaml"));
        assertThat(files.projectDirectory()).isEqualTo(tmp.resolve("sub"));
    }

    @Test
    void explicitProjectDirectoryWinsOverTheFirstFile() {
        fx.write("sub/b.yaml", "");
        ComposeFiles files = resolve(tmp, List.of("sub/b.yaml"), tmp.resolve("elsewhere"), Map.of());
        assertThat(files.projectDirectory()).isEqualTo(tmp.resolve("elsewhere"));
    }

    @Test
    void missingExplicitFile() {
        assertThatThrownBy(() -> resolve(tmp, List.of("nope.yaml"), null, Map.of()))
                .isInstanceOf(JcomposeException.class)
                .hasMessage("open " + fx.abs("nope.yaml") + ": no such file or directory")
                .extracting(e -> ((JcomposeException) e).exitCode())
                .isEqualTo(ExitCode.FILE_NOT_FOUND);
    }

    @Test
    void dashIsStandardInputAndTheWorkingDirectoryIsTheProjectDirectory() {
        ComposeFiles files = resolve(tmp, List.of("-"), null, Map.of());
        assertThat(files.files()).containsExactly(ConfigFile.stdin());
        assertThat(files.projectDirectory()).isEqualTo(tmp);
    }

    @Test
    void composeFileVariableWithDefaultAndCustomSeparator() {
        fx.write("a.yaml", "");
        fx.write("b.yaml", "");
        assertThat(names(resolve(tmp, List.of(), null, Map.of("COMPOSE_FILE", "a.yaml:b.yaml"))))
                .containsExactly(fx.abs("a.yaml"), fx.abs("b.yaml"));
        assertThat(names(resolve(
                        tmp, List.of(), null, Map.of("COMPOSE_FILE", "b.yaml;a.yaml", "COMPOSE_PATH_SEPARATOR", ";"))))
                .containsExactly(fx.abs("b.yaml"), fx.abs("a.yaml"));
    }

    @Test
    void flagsWinOverComposeFileVariable() {
        fx.write("a.yaml", "");
        fx.write("b.yaml", "");
        assertThat(names(resolve(tmp, List.of("b.yaml"), null, Map.of("COMPOSE_FILE", "a.yaml"))))
                .containsExactly(fx.abs("b.yaml"));
    }
}
