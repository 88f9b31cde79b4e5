package dev.jcompose.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.ExitCode;
import dev.jcompose.environment.Environment;
import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.Location;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarKind;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import dev.jcompose.yaml.Tag;
import dev.jcompose.yaml.YamlPath;
import dev.jcompose.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpolatorTest {
    private static final Environment ENV =
            Environment.of(Map.of("TAG", "1.25", "PORT", "8080", "VALUE", "v", "EMPTY", "", "NUM", "42"));
    private final List<String> warnings = new ArrayList<>();
    private final Interpolator interpolator = new Interpolator(warnings::add);

    private static Node read(String yaml) {
        return new YamlReader().readOne(yaml, "compose.yaml").orElseThrow();
    }

    private static Node at(Node root, Object... segments) {
        Node n = root;
        for (Object s : segments) {
            n = s instanceof Integer i
                    ? ((SeqNode) n).get(i)
                    : ((MapNode) n).get((String) s).orElseThrow();
        }
        return n;
    }

    private static final String COMPOSE = """
            services:
              web:
                image: "nginx:${TAG:-latest}"
                ports:
                  - "${PORT}:80"
                  - 8080
                environment:
                  $KEY: ${VALUE}
                  PLAIN: text
                  COUNT: $NUM
                x-count: 3
                enabled: true
                nothing: null
                tagged: !override ${VALUE}
            """;

    @Test
    void interpolatesStringScalarsEverywhereInTheTree() {
        Node out = interpolator.interpolate(read(COMPOSE), YamlPath.ROOT, ENV);
        assertThat(((ScalarNode) at(out, "services", "web", "image")).text()).isEqualTo("nginx:1.25");
        assertThat(((ScalarNode) at(out, "services", "web", "ports", 0)).text()).isEqualTo("8080:80");
        assertThat(((ScalarNode) at(out, "services", "web", "environment", "$KEY")).text())
                .isEqualTo("v");
        assertThat(warnings).isEmpty();
    }

    @Test
    void mappingKeysAreNotInterpolated() {
        Node out = interpolator.interpolate(read(COMPOSE), YamlPath.ROOT, ENV);
        assertThat(((MapNode) at(out, "services", "web", "environment")).keys())
                .containsExactly("$KEY", "PLAIN", "COUNT");
    }

    @Test
    void nonStringScalarsAreLeftAlone() {
        Node in = read(COMPOSE);
        Node out = interpolator.interpolate(in, YamlPath.ROOT, ENV);
        assertThat(at(out, "services", "web", "ports", 1)).isSameAs(at(in, "services", "web", "ports", 1));
        assertThat(((ScalarNode) at(out, "services", "web", "ports", 1)).kind()).isEqualTo(ScalarKind.INT);
        assertThat(((ScalarNode) at(out, "services", "web", "x-count")).kind()).isEqualTo(ScalarKind.INT);
        assertThat(((ScalarNode) at(out, "services", "web", "enabled")).kind()).isEqualTo(ScalarKind.BOOL);
        assertThat(((ScalarNode) at(out, "services", "web", "nothing")).isNull())
                .isTrue();
    }

    @Test
    void anInterpolatedScalarIsAStringAtTheSameLocationWithItsTag() {
        Node in = read(COMPOSE);
        Node out = interpolator.interpolate(in, YamlPath.ROOT, ENV);
        ScalarNode count = (ScalarNode) at(out, "services", "web", "environment", "COUNT");
        assertThat(count.text()).isEqualTo("42");
        assertThat(count.kind()).isEqualTo(ScalarKind.STRING);
        assertThat(count.location())
                .isEqualTo(at(in, "services", "web", "environment", "COUNT").location());
        assertThat(count.location()).isEqualTo(new Location("compose.yaml", 10, 14));
        ScalarNode tagged = (ScalarNode) at(out, "services", "web", "tagged");
        assertThat(tagged.text()).isEqualTo("v");
        assertThat(tagged.tag()).isEqualTo(Tag.OVERRIDE);
    }

    @Test
    void keyLocationsAndOrderSurvive() {
        Node in = read(COMPOSE);
        MapNode env = (MapNode) at(interpolator.interpolate(in, YamlPath.ROOT, ENV), "services", "web", "environment");
        assertThat(env.field("PLAIN").orElseThrow().keyLocation())
                .isEqualTo(((MapNode) at(in, "services", "web", "environment"))
                        .field("PLAIN")
                        .orElseThrow()
                        .keyLocation());
    }

    @Test
    void theReaderKeepsPlainDollarBraceScalarsAsUntaggedStrings() {
        // snakeyaml-engine would tag these !ENV_VARIABLE; the reader must not reject or retag them.
        ScalarNode s = (ScalarNode) at(read("a: ${VALUE:-x}\n"), "a");
        assertThat(s.kind()).isEqualTo(ScalarKind.STRING);
        assertThat(s.tag()).isEqualTo(Tag.NONE);
        assertThat(s.text()).isEqualTo("${VALUE:-x}");
    }

    @Test
    void aTreeWithoutVariablesIsReturnedAsIs() {
        Node in = read("services:\n  web:\n    image: nginx\n    ports: [80, \"81:81\"]\n");
        assertThat(interpolator.interpolate(in, YamlPath.ROOT, ENV)).isSameAs(in);
    }

    @Test
    void unchangedBranchesAreShared() {
        Node in = read("a:\n  b: plain\nc: $TAG\n");
        Node out = interpolator.interpolate(in, YamlPath.ROOT, ENV);
        assertThat(at(out, "a")).isSameAs(at(in, "a"));
        assertThat(((ScalarNode) at(out, "c")).text()).isEqualTo("1.25");
    }

    @Test
    void dollarDollarBecomesALiteralDollarInTheTree() {
        Node out = interpolator.interpolate(read("command: \"echo $$HOME $${X}\"\n"), YamlPath.ROOT, ENV);
        assertThat(((ScalarNode) at(out, "command")).text()).isEqualTo("echo $HOME ${X}");
    }

    @Test
    void unsetVariablesWarnWithComposesWording() {
        Node out = interpolator.interpolate(read("image: \"app:${NOPE}\"\n"), YamlPath.ROOT, ENV);
        assertThat(((ScalarNode) at(out, "image")).text()).isEqualTo("app:");
        assertThat(warnings).containsExactly("The \"NOPE\" variable is not set. Defaulting to a blank string.");
    }

    @Test
    void invalidSyntaxIsAComposeFileErrorAtTheScalar() {
        Node in = read("services:\n  web:\n    image: \"${\"\n");
        assertThatThrownBy(() -> interpolator.interpolate(in, YamlPath.ROOT, ENV))
                .isInstanceOfSatisfying(ComposeFileException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo("compose.yaml:3:12: "
                                    + "invalid interpolation format for services.web.image: \"${\"");
                    assertThat(e.hint()).isEqualTo("You may need to escape any $ with another $.");
                    assertThat(e.location()).isEqualTo(new Location("compose.yaml", 3, 12));
                    assertThat(e.path()).isEqualTo(YamlPath.of("services", "web", "image"));
                    assertThat(e.exitCode()).isEqualTo(ExitCode.COMPOSE_PARSE);
                });
    }

    @Test
    void errorsInSequencesNameTheIndex() {
        Node in = read("services:\n  web:\n    command:\n      - echo\n      - ${1}\n");
        assertThatThrownBy(() -> interpolator.interpolate(in, YamlPath.ROOT, ENV))
                .isInstanceOfSatisfying(
                        ComposeFileException.class,
                        e -> assertThat(e.getMessage())
                                .isEqualTo("compose.yaml:5:9: "
                                        + "invalid interpolation format for services.web.command[1]: \"${1}\""));
    }

    @Test
    void theWholeValueIsQuotedInTheMessage() {
        Node in = read("labels:\n  traefik.rule: \"Path(`/x`) && ${bad value}\"\n");
        assertThatThrownBy(() -> interpolator.interpolate(in, YamlPath.ROOT, ENV))
                .hasMessage("compose.yaml:2:17: invalid interpolation format for "
                        + "labels[\"traefik.rule\"]: \"Path(`/x`) && ${bad value}\"");
    }

    @Test
    void aMissingRequiredVariableIsAComposeFileErrorWithComposesWording() {
        Node in = read("services:\n  db:\n    environment:\n      PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD}\n");
        assertThatThrownBy(() -> interpolator.interpolate(in, YamlPath.ROOT, ENV))
                .isInstanceOfSatisfying(ComposeFileException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo("compose.yaml:4:17: services.db.environment.PASSWORD: "
                                    + "required variable DB_PASSWORD is missing a value: set DB_PASSWORD");
                    assertThat(e.problem())
                            .isEqualTo("required variable DB_PASSWORD is missing a value: " + "set DB_PASSWORD");
                    assertThat(e.hint()).isEqualTo("set DB_PASSWORD in the environment or in the project's .env file");
                });
    }

    @Test
    void anEmptyVariableFailsTheColonFormOnly() {
        Node colon = read("x: ${EMPTY:?must not be empty}\n");
        assertThatThrownBy(() -> interpolator.interpolate(colon, YamlPath.ROOT, ENV))
                .hasMessage("compose.yaml:1:4: x: required variable EMPTY is missing a value: must not be empty");
        Node plain = read("x: ${EMPTY?must be set}\n");
        assertThat(((ScalarNode) at(interpolator.interpolate(plain, YamlPath.ROOT, ENV), "x")).text())
                .isEmpty();
    }

    @Test
    void thePathArgumentPrefixesTheTreesPaths() {
        Node service = at(read("services:\n  web:\n    image: ${\n"), "services", "web");
        assertThatThrownBy(() -> interpolator.interpolate(service, YamlPath.of("services", "web"), ENV))
                .isInstanceOfSatisfying(
                        ComposeFileException.class,
                        e -> assertThat(e.path()).isEqualTo(YamlPath.of("services", "web", "image")));
    }

    @Test
    void interpolatesOneString() {
        assertThat(interpolator.interpolate("v${TAG}", Location.of("-p"), YamlPath.ROOT, ENV))
                .isEqualTo("v1.25");
        assertThatThrownBy(() -> interpolator.interpolate("${", new Location("f.yml", 1, 7), YamlPath.of("name"), ENV))
                .hasMessage("f.yml:1:7: invalid interpolation format for name: \"${\"");
        assertThatThrownBy(() -> interpolator.interpolate("${", Location.of("--flag"), YamlPath.ROOT, ENV))
                .hasMessage("--flag: invalid interpolation format: \"${\"");
    }

    @Test
    void multiDocumentScalarsKeepNewlines() {
        Node out = interpolator.interpolate(read("script: |\n  echo $TAG\n  echo $$PATH\n"), YamlPath.ROOT, ENV);
        assertThat(((ScalarNode) at(out, "script")).text()).isEqualTo("echo 1.25\necho $PATH\n");
    }
}
