package dev.jcompose.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectNameTest {
    private static final Path DIR = Path.of("/srv/My.Project");
    private static final Environment WITH_ENV = Environment.of(Map.of("COMPOSE_PROJECT_NAME", "fromenv"));

    @Test
    void theFlagWinsOverEverything() {
        ProjectName name = ProjectName.resolve(Optional.of("flag"), WITH_ENV, Optional.of("fromfile"), DIR);
        assertThat(name).isEqualTo(new ProjectName("flag", ProjectName.Source.COMMAND_LINE));
    }

    @Test
    void thenComposeProjectName() {
        assertThat(ProjectName.resolve(Optional.empty(), WITH_ENV, Optional.of("fromfile"), DIR))
                .isEqualTo(new ProjectName("fromenv", ProjectName.Source.ENVIRONMENT));
    }

    @Test
    void thenTheComposeFilesName() {
        assertThat(ProjectName.resolve(Optional.empty(), Environment.EMPTY, Optional.of("fromfile"), DIR))
                .isEqualTo(new ProjectName("fromfile", ProjectName.Source.COMPOSE_FILE));
    }

    @Test
    void thenTheNormalisedDirectoryName() {
        ProjectName name = ProjectName.resolve(Optional.empty(), Environment.EMPTY, Optional.empty(), DIR);
        assertThat(name).isEqualTo(new ProjectName("myproject", ProjectName.Source.DIRECTORY));
        assertThat(name.toString()).isEqualTo("myproject");
    }

    @Test
    void emptyFlagAndEmptyVariableCountAsUnset() {
        Environment emptyVar = Environment.of(Map.of("COMPOSE_PROJECT_NAME", ""));
        assertThat(ProjectName.resolve(Optional.of(""), emptyVar, Optional.empty(), DIR)
                        .source())
                .isEqualTo(ProjectName.Source.DIRECTORY);
    }

    @Test
    void anInvalidFlagIsAnErrorWithComposesWording() {
        assertThatThrownBy(() -> ProjectName.resolve(Optional.of("Foo!"), WITH_ENV, Optional.empty(), DIR))
                .isInstanceOfSatisfying(JcomposeException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo("invalid project name \"Foo!\": must consist only of "
                                    + "lowercase alphanumeric characters, hyphens, and underscores as well as start with a "
                                    + "letter or number");
                    assertThat(e.hint()).isEqualTo("fix the name given by -p, e.g. \"foo\"");
                    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE);
                });
    }

    @Test
    void anInvalidComposeProjectNameIsAnError() {
        Environment bad = Environment.of(Map.of("COMPOSE_PROJECT_NAME", "_app"));
        assertThatThrownBy(() -> ProjectName.resolve(Optional.empty(), bad, Optional.empty(), DIR))
                .hasMessageStartingWith("invalid project name \"_app\": must consist only of")
                .isInstanceOfSatisfying(
                        JcomposeException.class,
                        e -> assertThat(e.hint())
                                .isEqualTo("fix the name given by COMPOSE_PROJECT_NAME, e.g. \"app\""));
    }

    @Test
    void anInvalidNameInTheComposeFileIsRejectedNotRenamed() {
        assertThatThrownBy(() -> ProjectName.resolve(Optional.empty(), Environment.EMPTY, Optional.of("My App!"), DIR))
                .isInstanceOfSatisfying(JcomposeException.class, e -> {
                    assertThat(e)
                            .hasMessage(
                                    "invalid project name \"My App!\": must consist only of lowercase "
                                            + "alphanumeric characters, hyphens, and underscores as well as start with a letter or number");
                    assertThat(e.hint()).isEqualTo("fix the name given by name: in the compose file, e.g. \"myapp\"");
                });
    }

    @Test
    void anEmptyComposeFileNameFallsBackToTheDirectory() {
        assertThat(ProjectName.resolve(Optional.empty(), Environment.EMPTY, Optional.of(""), DIR)
                        .source())
                .isEqualTo(ProjectName.Source.DIRECTORY);
    }

    @Test
    void aDirectoryWhoseNameNormalisesToNothingNeedsAnExplicitName() {
        assertThatThrownBy(() ->
                        ProjectName.resolve(Optional.empty(), Environment.EMPTY, Optional.empty(), Path.of("/srv/___")))
                .isInstanceOfSatisfying(JcomposeException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo(
                                    "cannot derive a project name from the directory /srv/___: "
                                            + "nothing is left once it is normalised to lowercase letters, digits, '-' and '_'");
                    assertThat(e.hint())
                            .isEqualTo("name the project with -p NAME, COMPOSE_PROJECT_NAME or a "
                                    + "top-level name: in the compose file");
                });
        assertThatThrownBy(
                        () -> ProjectName.resolve(Optional.empty(), Environment.EMPTY, Optional.empty(), Path.of("/")))
                .hasMessageStartingWith("cannot derive a project name from the directory /:");
    }

    @Test
    void theRecordRefusesAnInvalidName() {
        assertThatThrownBy(() -> new ProjectName("UPPER", ProjectName.Source.COMPOSE_FILE))
                .hasMessageStartingWith("invalid project name \"UPPER\"");
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource({
        "myapp,myapp",
        "MyApp,myapp",
        "my app!,myapp",
        "__x,x",
        "-_-a-b,a-b",
        "Foo.Bar,foobar",
        "123abc,123abc",
        "a_b-c,a_b-c",
        "ÄÖÜ,''",
        "'',''",
        "x__,x__",
        "KELVIN\u212A,kelvink"
    })
    void normalisesLikeComposeGo(String raw, String normalised) {
        assertThat(ProjectName.normalize(raw)).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "\"{0}\" valid: {1}")
    @CsvSource({
        "app,true",
        "a,true",
        "1,true",
        "my-app_2,true",
        "a-,true",
        "-a,false",
        "_a,false",
        "App,false",
        "my.app,false",
        "my app,false",
        "'',false"
    })
    void validity(String name, boolean valid) {
        assertThat(ProjectName.isValid(name)).isEqualTo(valid);
    }
}
