package dev.jcompose.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.yaml.ComposeFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectEnvironmentTest {
    @TempDir
    Path dir;

    Path project;
    Path cwd;
    final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void dirs() throws IOException {
        project = Files.createDirectories(dir.resolve("project"));
        cwd = Files.createDirectories(dir.resolve("cwd"));
    }

    private ProjectEnvironment load(Map<String, String> processEnv, Path... envFiles) {
        return ProjectEnvironment.load(processEnv, project, List.of(envFiles), cwd, warnings::add);
    }

    private Path write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        return file;
    }

    @Test
    void withoutEnvFilesTheProjectDotEnvIsRead() throws IOException {
        Path dotEnv = write(project.resolve(".env"), "TAG=1.0\nONLY_FILE=f\n");
        ProjectEnvironment env = load(Map.of("HOME", "/root"));
        assertThat(env.environment().variables())
                .containsExactlyEntriesOf(
                        new java.util.TreeMap<>(Map.of("HOME", "/root", "ONLY_FILE", "f", "TAG", "1.0")));
        assertThat(env.envFiles()).containsExactly(dotEnv);
    }

    @Test
    void theProcessEnvironmentWinsOverEnvFilesEvenWhenEmpty() throws IOException {
        write(project.resolve(".env"), "TAG=file\nEMPTY=file\n");
        Environment env = load(Map.of("TAG", "shell", "EMPTY", "")).environment();
        assertThat(env.get("TAG")).contains("shell");
        assertThat(env.get("EMPTY")).contains("");
    }

    @Test
    void withoutDotEnvOnlyTheProcessEnvironmentIsUsed() {
        ProjectEnvironment env = load(Map.of("A", "1"));
        assertThat(env.environment().variables()).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("A", "1")));
        assertThat(env.envFiles()).isEmpty();
    }

    @Test
    void aDotEnvDirectoryIsIgnored() throws IOException {
        Files.createDirectories(project.resolve(".env"));
        assertThat(load(Map.of()).envFiles()).isEmpty();
    }

    @ParameterizedTest(name = "COMPOSE_DISABLE_ENV_FILE={0} -> disabled {1}")
    @CsvSource({
        "1,true",
        "true,true",
        "TRUE,true",
        "True,true",
        "t,true",
        "T,true",
        "0,false",
        "false,false",
        "yes,false",
        "'',false",
        "on,false"
    })
    void composeDisableEnvFileIsAGoBoolean(String value, boolean disabled) throws IOException {
        write(project.resolve(".env"), "FROM_DOTENV=1\n");
        Environment env =
                load(Map.of(ProjectEnvironment.COMPOSE_DISABLE_ENV_FILE, value)).environment();
        assertThat(env.has("FROM_DOTENV")).isEqualTo(!disabled);
        assertThat(ProjectEnvironment.envFileDisabled(Map.of(ProjectEnvironment.COMPOSE_DISABLE_ENV_FILE, value)))
                .isEqualTo(disabled);
    }

    @Test
    void envFileFlagsReplaceTheDotEnvAndLaterFilesOverrideEarlierOnes() throws IOException {
        write(project.resolve(".env"), "FROM_DOTENV=1\n");
        Path a = write(cwd.resolve("a.env"), "X=a\nY=a\n");
        Path b = write(dir.resolve("b.env"), "Y=b\nZ=b\n");
        ProjectEnvironment env = load(Map.of(), Path.of("a.env"), b);
        assertThat(env.environment().variables())
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("X", "a", "Y", "b", "Z", "b")));
        assertThat(env.envFiles()).containsExactly(a, b);
    }

    @Test
    void aLaterFileInterpolatesWithEarlierFilesButTheProcessEnvironmentFirst() throws IOException {
        Path a = write(cwd.resolve("a.env"), "X=from-a\nSHADOW=from-a\n");
        Path b = write(cwd.resolve("b.env"), "Y=${X}\nS=${SHADOW}\nW=$NOWHERE\n");
        Environment env = load(Map.of("SHADOW", "shell"), a, b).environment();
        assertThat(env.get("Y")).contains("from-a");
        assertThat(env.get("S")).contains("shell");
        assertThat(env.get("W")).contains("");
        assertThat(warnings).containsExactly("The \"NOWHERE\" variable is not set. Defaulting to a blank string.");
    }

    @Test
    void dotEnvInterpolatesWithTheProcessEnvironment() throws IOException {
        write(project.resolve(".env"), "IMAGE=registry/${USER}:${TAG:-latest}\nHOME_COPY\n");
        Environment env = load(Map.of("USER", "ann", "HOME_COPY", "/home/ann")).environment();
        assertThat(env.get("IMAGE")).contains("registry/ann:latest");
        assertThat(env.get("HOME_COPY")).contains("/home/ann");
    }

    @Test
    void aKeyOnlyLineWithoutValueSetsNothing() throws IOException {
        Path a = write(cwd.resolve("a.env"), "K=1\n");
        Path b = write(cwd.resolve("b.env"), "K\nUNSET_ONLY\n");
        Environment env = load(Map.of(), a, b).environment();
        assertThat(env.get("K")).contains("1");
        assertThat(env.has("UNSET_ONLY")).isFalse();
    }

    @Test
    void aMissingEnvFileIsAnErrorWithComposesWording() {
        assertThatThrownBy(() -> load(Map.of(), Path.of("missing.env")))
                .isInstanceOfSatisfying(JcomposeException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("couldn't find env file: " + cwd.resolve("missing.env"));
                    assertThat(e.exitCode()).isEqualTo(ExitCode.FILE_NOT_FOUND);
                    assertThat(e.hint()).contains("--env-file");
                });
    }

    @Test
    void anEnvFileThatIsADirectoryIsAnError() {
        assertThatThrownBy(() -> load(Map.of(), cwd)).hasMessage(cwd + " is a directory, not an env file");
    }

    @Test
    void aSyntaxErrorNamesTheFileLineAndColumn() throws IOException {
        Path bad = write(cwd.resolve("bad.env"), "OK=1\nNOT OK=2\n");
        assertThatThrownBy(() -> load(Map.of(), bad))
                .isInstanceOfSatisfying(
                        ComposeFileException.class,
                        e -> assertThat(e.getMessage())
                                .isEqualTo(bad + ":2:1: key cannot contain a space: \"NOT OK\""));
    }

    @Test
    void composeEnvFilesIsUsedWhenNoFlagIsGiven() throws IOException {
        write(project.resolve(".env"), "FROM_DOTENV=1\n");
        Path a = write(cwd.resolve("a.env"), "X=a\n");
        Path b = write(cwd.resolve("b.env"), "X=b\n");
        ProjectEnvironment env = load(Map.of(ProjectEnvironment.COMPOSE_ENV_FILES, "a.env,,b.env"));
        assertThat(env.envFiles()).containsExactly(a, b);
        assertThat(env.environment().get("X")).contains("b");
        assertThat(env.environment().has("FROM_DOTENV")).isFalse();
    }

    @Test
    void flagsWinOverComposeEnvFiles() throws IOException {
        write(cwd.resolve("a.env"), "X=a\n");
        Path flag = write(cwd.resolve("flag.env"), "X=flag\n");
        ProjectEnvironment env = load(Map.of(ProjectEnvironment.COMPOSE_ENV_FILES, "a.env"), flag);
        assertThat(env.envFiles()).containsExactly(flag);
        assertThat(env.environment().get("X")).contains("flag");
    }

    @Test
    void disablingTheDefaultFileKeepsExplicitOnes() throws IOException {
        Path a = write(cwd.resolve("a.env"), "X=a\n");
        ProjectEnvironment env = load(Map.of(ProjectEnvironment.COMPOSE_DISABLE_ENV_FILE, "1"), a);
        assertThat(env.environment().get("X")).contains("a");
    }

    @Test
    void cliVariablesCanComeFromTheDotEnvFile() throws IOException {
        write(
                project.resolve(".env"),
                "COMPOSE_FILE=a.yml:b.yml\nCOMPOSE_PROFILES=dev, debug\n" + "COMPOSE_PROJECT_NAME=fromfile\n");
        ProjectEnvironment env = load(Map.of());
        assertThat(env.composeFiles()).containsExactly("a.yml", "b.yml");
        assertThat(env.profiles()).containsExactly("dev", "debug");
        assertThat(env.projectName()).contains("fromfile");
    }

    private static ProjectEnvironment of(Map<String, String> vars) {
        return new ProjectEnvironment(Environment.of(vars), List.of());
    }

    @ParameterizedTest(name = "COMPOSE_FILE={0} sep={1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a.yml|<unset>|[a.yml]",
                "a.yml:b.yml|<unset>|[a.yml, b.yml]",
                "a.yml::b.yml:|<unset>|[a.yml, b.yml]",
                "a.yml;b.yml|;|[a.yml, b.yml]",
                "a.yml;b.yml|<empty>|[a.yml;b.yml]",
                "c:\\x.yml,d.yml|,|[c:\\x.yml, d.yml]",
                "a.yml::b.yml|::|[a.yml, b.yml]",
                "<empty>|<unset>|[]"
            })
    void composeFileIsSplitOnThePathSeparator(String value, String separator, String expected) {
        Map<String, String> vars = new java.util.HashMap<>();
        vars.put(ProjectEnvironment.COMPOSE_FILE, value.equals("<empty>") ? "" : value);
        if (!separator.equals("<unset>")) {
            vars.put(ProjectEnvironment.COMPOSE_PATH_SEPARATOR, separator.equals("<empty>") ? "" : separator);
        }
        assertThat(of(vars).composeFiles().toString()).isEqualTo(expected);
    }

    @Test
    void withoutComposeFileThereAreNoFiles() {
        assertThat(of(Map.of()).composeFiles()).isEmpty();
    }

    @ParameterizedTest(name = "COMPOSE_PROFILES={0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "dev|[dev]",
                "dev,debug|[dev, debug]",
                " dev , debug ,|[dev, debug]",
                ",,a,,|[a]",
                "' '|[]",
                "*|[*]"
            })
    void composeProfilesAreTrimmedAndEmptiesDropped(String value, String expected) {
        assertThat(of(Map.of(ProjectEnvironment.COMPOSE_PROFILES, value))
                        .profiles()
                        .toString())
                .isEqualTo(expected);
    }

    @Test
    void noProfilesWithoutTheVariable() {
        assertThat(of(Map.of()).profiles()).isEmpty();
    }

    @Test
    void anEmptyProjectNameVariableCountsAsUnset() {
        assertThat(of(Map.of(ProjectEnvironment.COMPOSE_PROJECT_NAME, "")).projectName())
                .isEmpty();
        assertThat(of(Map.of(ProjectEnvironment.COMPOSE_PROJECT_NAME, "app")).projectName())
                .contains("app");
        assertThat(of(Map.of()).projectName()).isEmpty();
    }
}
