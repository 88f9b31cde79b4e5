package dev.jcompose.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.yaml.ComposeFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeLoaderTest {
    @TempDir
    Path tmp;

    LoaderFixture fx;

    @BeforeEach
    void setUp() {
        fx = new LoaderFixture(tmp.resolve("myapp"));
    }

    @Test
    void discoveredFileAndOverrideAreMerged() {
        fx.write("compose.yaml", """
                services:
                  web:
                    image: nginx
                    ports: ["8080:80"]
                    environment: [A=1]
                """);
        fx.write("compose.override.yaml", """
                services:
                  web:
                    ports: ["8080:80/udp"]
                    environment: {B: 2}
                """);
        RawProject p = fx.load(fx.options());
        assertThat(fx.render(p))
                .isEqualTo("{services: {web: {image: \"nginx\", ports: [\"8080:80\", \"8080:80/udp\"],"
                        + " environment: {A: \"1\", B: 2}}}}");
        assertThat(p.name()).isEqualTo("myapp");
        assertThat(p.projectDirectory()).isEqualTo(fx.root);
        assertThat(p.configFiles()).containsExactly(fx.abs("compose.yaml"), fx.abs("compose.override.yaml"));
    }

    @Test
    void explicitFilesMergeInCommandLineOrder() {
        fx.write("a.yaml", "services: {web: {image: a, user: x}}");
        fx.write("b.yaml", "services: {web: {image: b}}");
        fx.write("c.yaml", "services: {web: {image: c}}");
        assertThat(fx.render(fx.load(fx.options().withFiles("a.yaml", "c.yaml", "b.yaml"))))
                .isEqualTo("{services: {web: {image: \"b\", user: \"x\"}}}");
    }

    @Test
    void documentsOfOneFileMergeInOrder() {
        fx.write("compose.yaml", """
                services:
                  web: {image: a, dns: [x]}
                ---
                services:
                  web: {image: b, dns: [y], ports: !reset []}
                """);
        assertThat(fx.render(fx.load(fx.options())))
                .isEqualTo("{services: {web: {image: \"b\", dns: [\"x\", \"y\"]}}}");
    }

    @Test
    void resetAcrossFiles() {
        fx.write("compose.yaml", "services: {app: {image: myapp, ports: [\"8080:80\"], environment: {FOO: BAR}}}");
        fx.write("compose.override.yaml", """
                services:
                  app:
                    ports: !reset []
                    environment:
                      FOO: !reset null
                """);
        assertThat(fx.render(fx.load(fx.options())))
                .isEqualTo("{services: {app: {image: \"myapp\", environment: {}}}}");
    }

    @Test
    void topLevelMustBeAMapping() {
        fx.write("compose.yaml", "- a\n- b\n");
        assertThatThrownBy(() -> fx.load(fx.options()))
                .isInstanceOf(ComposeFileException.class)
                .hasMessage(fx.abs("compose.yaml") + ":1:1: Top-level object must be a mapping");
    }

    @Test
    void servicesMustBeAMappingOfMappings() {
        fx.write("compose.yaml", "services:\n  - web\n");
        assertThatThrownBy(() -> fx.load(fx.options()))
                .hasMessage(fx.abs("compose.yaml") + ":2:3: services: must be a mapping, not a sequence");
        fx.write("compose.yaml", "services:\n  web: nginx\n");
        assertThatThrownBy(() -> fx.load(fx.options()))
                .hasMessage(fx.abs("compose.yaml") + ":2:8: services.web: a service must be a mapping, not a string");
    }

    @Test
    void versionIsWarnedAboutAndDropped() {
        fx.write("compose.yaml", "version: \"3.8\"\nservices: {web: {image: a}}\n");
        RawProject p = fx.load(fx.options());
        assertThat(fx.render(p)).isEqualTo("{services: {web: {image: \"a\"}}}");
        assertThat(fx.warnings)
                .containsExactly(fx.abs("compose.yaml") + ": the attribute `version` is obsolete,"
                        + " it will be ignored, please remove it to avoid potential confusion");
    }

    @Test
    void emptyFileIsAnError() {
        fx.write("compose.yaml", "# nothing\n");
        assertThatThrownBy(() -> fx.load(fx.options()))
                .isInstanceOf(ComposeFileException.class)
                .hasMessage(fx.abs("compose.yaml") + ": empty compose file");
    }

    @Test
    void invalidYamlNamesTheFile() {
        fx.write("compose.yaml", "services:\n  web: {image: a\n");
        assertThatThrownBy(() -> fx.load(fx.options()))
                .isInstanceOf(ComposeFileException.class)
                .hasMessageStartingWith(fx.abs("compose.yaml") + ":3:1: invalid YAML:")
                .extracting(e -> ((JcomposeException) e).exitCode())
                .isEqualTo(ExitCode.COMPOSE_PARSE);
    }

    @Test
    void standardInput() {
        fx.write("keep", "");
        fx.stdin = "services: {web: {image: from-stdin}}";
        RawProject p = fx.load(fx.options().withFiles("-"));
        assertThat(fx.render(p)).isEqualTo("{services: {web: {image: \"from-stdin\"}}}");
        assertThat(p.configFiles()).containsExactly("<stdin>");
        assertThat(p.projectDirectory()).isEqualTo(fx.root);
    }

    @Test
    void interpolatesWithDotEnvAndProcessEnvironmentWinning() {
        fx.write(".env", "TAG=1.0\nUSER_NAME=dotenv\n");
        fx.write("compose.yaml", "services: {web: {image: \"nginx:${TAG}\", user: \"${USER_NAME}\"}}");
        RawProject p = fx.load(fx.options().withProcessEnv(Map.of("USER_NAME", "shell")));
        assertThat(fx.render(p)).isEqualTo("{services: {web: {image: \"nginx:1.0\", user: \"shell\"}}}");
        assertThat(p.environment().get("TAG")).contains("1.0");
    }

    @Test
    void explicitEnvFileReplacesDotEnv() {
        fx.write(".env", "TAG=dotenv\n");
        fx.write("conf/prod.env", "TAG=prod\n");
        fx.write("compose.yaml", "services: {web: {image: \"nginx:${TAG}\"}}");
        assertThat(fx.render(fx.load(fx.options().withEnvFiles("conf/prod.env"))))
                .isEqualTo("{services: {web: {image: \"nginx:prod\"}}}");
    }

    @Test
    void noInterpolationKeepsTheText() {
        fx.write("compose.yaml", "services: {web: {image: \"nginx:${TAG}\"}}");
        assertThat(fx.render(fx.load(fx.options().withInterpolation(false))))
                .isEqualTo("{services: {web: {image: \"nginx:${TAG}\"}}}");
    }

    @Test
    void composeFileFromDotEnv() {
        fx.write(".env", "COMPOSE_FILE=base.yaml:extra.yaml\n");
        fx.write("base.yaml", "services: {web: {image: a}}");
        fx.write("extra.yaml", "services: {web: {user: u}}");
        assertThat(fx.render(fx.load(fx.options()))).isEqualTo("{services: {web: {image: \"a\", user: \"u\"}}}");
    }

    @Test
    void projectNamePrecedence() {
        fx.write("compose.yaml", "name: fromfile\nservices: {web: {image: a}}");
        assertThat(fx.load(fx.options()).name()).isEqualTo("fromfile");
        assertThat(fx.load(fx.options().withProcessEnv(Map.of("COMPOSE_PROJECT_NAME", "fromenv")))
                        .name())
                .isEqualTo("fromenv");
        assertThat(fx.load(fx.options()
                                .withProjectName("fromflag")
                                .withProcessEnv(Map.of("COMPOSE_PROJECT_NAME", "fromenv")))
                        .name())
                .isEqualTo("fromflag");
    }

    @Test
    void directoryNameIsNormalised() {
        LoaderFixture odd = new LoaderFixture(tmp.resolve("_My.App 2"));
        odd.write("compose.yaml", "services: {web: {image: a}}");
        assertThat(odd.load(odd.options()).name()).isEqualTo("myapp2");
    }

    @Test
    void invalidExplicitProjectName() {
        fx.write("compose.yaml", "services: {web: {image: a}}");
        assertThatThrownBy(() -> fx.load(fx.options().withProjectName("My App")))
                .isInstanceOf(JcomposeException.class)
                .hasMessage("invalid project name \"My App\": must consist only of lowercase alphanumeric characters,"
                        + " hyphens, and underscores as well as start with a letter or number");
        fx.write("compose.yaml", "name: Bad\nservices: {web: {image: a}}");
        assertThatThrownBy(() -> fx.load(fx.options()))
                .hasMessageStartingWith(fx.abs("compose.yaml") + ":1:7: name: invalid project name \"Bad\"");
    }

    @Test
    void profilesFromFlagsAndEnvironment() {
        fx.write("compose.yaml", """
                services:
                  web: {image: a}
                  debug: {image: b, profiles: [debug]}
                  test: {image: c, profiles: [test]}
                """);
        RawProject none = fx.load(fx.options());
        assertThat(fx.render(none)).isEqualTo("{services: {web: {image: \"a\"}}}");
        assertThat(none.disabledServices()).containsOnlyKeys("debug", "test");
        assertThat(none.declaredProfiles()).containsExactly("debug", "test");
        assertThat(none.activeProfiles()).isEmpty();

        RawProject fromEnv = fx.load(fx.options().withProcessEnv(Map.of("COMPOSE_PROFILES", "test,debug")));
        assertThat(fromEnv.model()
                        .get("services")
                        .map(s -> ((dev.jcompose.yaml.MapNode) s).keys())
                        .orElseThrow())
                .containsExactly("web", "debug", "test");
        assertThat(fromEnv.activeProfiles()).containsExactly("debug", "test");

        RawProject flagWins =
                fx.load(fx.options().withProfiles("debug").withProcessEnv(Map.of("COMPOSE_PROFILES", "test")));
        assertThat(flagWins.disabledServices()).containsOnlyKeys("test");
        assertThat(flagWins.activeProfiles()).containsExactly("debug");
    }

    @Test
    void targetedServiceEnablesItsProfile() {
        fx.write("compose.yaml", "services: {web: {image: a}, tool: {image: t, profiles: [tools]}}");
        RawProject p = fx.load(fx.options().withServices("tool"));
        assertThat(fx.render(p))
                .isEqualTo("{services: {web: {image: \"a\"}, tool: {image: \"t\", profiles: [\"tools\"]}}}");
        assertThat(p.activeProfiles()).containsExactly("tools");
    }

    @Test
    void optionsAreImmutableCopies() {
        LoadOptions o = LoadOptions.in(tmp).withFiles("a", "b").withProfiles("x");
        assertThat(o.files()).containsExactly("a", "b");
        assertThat(o.profiles()).containsExactly("x");
        assertThat(o.interpolate()).isTrue();
        assertThat(o.services()).isEqualTo(List.of());
    }

    @Test
    void wholePipelineGolden() {
        fx.write(".env", "TAG=2.1\n");
        fx.write("shared/base.yaml", """
                services:
                  app:
                    build: .
                    environment: [LOG=info]
                    ports: ["8080:80"]
                """);
        fx.write("db/.env", "DB_VERSION=16\n");
        fx.write("db/compose.yaml", """
                services:
                  db:
                    image: "postgres:${DB_VERSION}"
                    volumes: ["./init:/docker-entrypoint-initdb.d"]
                volumes: {pgdata: {}}
                """);
        fx.write("compose.yaml", """
                version: "3"
                include: [db/compose.yaml]
                services:
                  web:
                    extends: {file: shared/base.yaml, service: app}
                    image: "web:${TAG}"
                    depends_on: [db]
                  debug:
                    image: busybox
                    profiles: [debug]
                """);
        fx.write("compose.override.yaml", """
                services:
                  web:
                    ports: !override ["9090:80"]
                    environment:
                      LOG: debug
                """);
        RawProject p = fx.load(fx.options());
        assertThat(fx.render(p))
                .isEqualTo("{services: {web: {build: \"$ROOT/shared\","
                        + " environment: {LOG: \"debug\"}, ports: [\"9090:80\"], image: \"web:2.1\", depends_on: [\"db\"]},"
                        + " db: {image: \"postgres:16\", volumes: [\"$ROOT/db/init:/docker-entrypoint-initdb.d\"]}},"
                        + " volumes: {pgdata: {}}}");
        assertThat(p.disabledServices()).containsOnlyKeys("debug");
        assertThat(p.declaredProfiles()).containsExactly("debug");
        assertThat(p.environment().get("COMPOSE_PROJECT_NAME")).contains("myapp");
        assertThat(p.environment().has("DB_VERSION")).isFalse();
        assertThat(fx.warnings).hasSize(1);
    }
}
