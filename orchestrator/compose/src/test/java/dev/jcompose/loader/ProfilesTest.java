package dev.jcompose.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.JcomposeException;
import dev.jcompose.environment.Environment;
import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.YamlReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfilesTest {
    /** compose-spec profiles.md's example. */
    private static final String SPEC = """
            services:
              foo:
                image: foo
              bar:
                image: bar
                profiles:
                  - test
              baz:
                image: baz
                depends_on:
                  - bar
                profiles:
                  - test
              zot:
                image: zot
                depends_on:
                  - bar
                profiles:
                  - debug
            """;

    private static MapNode model(String text) {
        return (MapNode) new YamlReader().readOne(text, "compose.yaml").orElseThrow();
    }

    private static List<String> enabled(Profiles.Result r) {
        return ((MapNode) r.model().get("services").orElseThrow()).keys();
    }

    private static Profiles.Result apply(List<String> active, List<String> targets) {
        return Profiles.apply(model(SPEC), active, targets);
    }

    @Test
    void noProfileActiveKeepsServicesWithoutProfiles() {
        Profiles.Result r = apply(List.of(), List.of());
        assertThat(enabled(r)).containsExactly("foo");
        assertThat(r.disabledServices()).containsOnlyKeys("bar", "baz", "zot");
        assertThat(r.declaredProfiles()).containsExactly("debug", "test");
    }

    @Test
    void testProfile() {
        assertThat(enabled(apply(List.of("test"), List.of()))).containsExactly("foo", "bar", "baz");
    }

    @Test
    void debugProfileAloneIsInvalid() {
        assertThatThrownBy(() -> apply(List.of("debug"), List.of()))
                .isInstanceOf(ComposeFileException.class)
                .hasMessage("compose.yaml:17:9: services.zot.depends_on: service \"zot\" depends on undefined service"
                        + " \"bar\": invalid compose project")
                .extracting(e -> ((JcomposeException) e).hint())
                .isEqualTo("service \"bar\" is disabled: enable one of its profiles [test] with --profile");
    }

    @Test
    void bothProfiles() {
        assertThat(enabled(apply(List.of("debug", "test"), List.of()))).containsExactly("foo", "bar", "baz", "zot");
    }

    @Test
    void starEnablesEverything() {
        Profiles.Result r = apply(List.of("*"), List.of());
        assertThat(enabled(r)).containsExactly("foo", "bar", "baz", "zot");
        assertThat(r.disabledServices()).isEmpty();
    }

    @Test
    void targetingBarActivatesTest() {
        Profiles.Result r = apply(List.of(), List.of("bar"));
        assertThat(enabled(r)).containsExactly("foo", "bar", "baz");
        assertThat(r.activeProfiles()).containsExactly("test");
    }

    @Test
    void targetingBazPullsInBar() {
        assertThat(enabled(apply(List.of(), List.of("baz")))).containsExactly("foo", "bar", "baz");
    }

    @Test
    void targetingZotAloneIsInvalid() {
        assertThatThrownBy(() -> apply(List.of(), List.of("zot")))
                .hasMessageContaining("service \"zot\" depends on undefined service \"bar\"");
    }

    @Test
    void targetingZotWithTestEnablesAll() {
        Profiles.Result r = apply(List.of("test"), List.of("zot"));
        assertThat(enabled(r)).containsExactly("foo", "bar", "baz", "zot");
        assertThat(r.activeProfiles()).containsExactly("debug", "test");
    }

    @Test
    void targetingUnknownService() {
        assertThatThrownBy(() -> apply(List.of(), List.of("nope")))
                .isInstanceOf(JcomposeException.class)
                .hasMessage("no such service: nope");
    }

    @Test
    void optionalDependencyOnDisabledServiceIsAllowed() {
        Profiles.Result r = Profiles.apply(model("""
                services:
                  web: {image: w, depends_on: {db: {condition: service_started, required: false}}}
                  db: {image: d, profiles: [db]}
                """), List.of(), List.of());
        assertThat(enabled(r)).containsExactly("web");
    }

    @Test
    void dependencyOnUndefinedServiceMapForm() {
        assertThatThrownBy(() -> Profiles.apply(model("""
                services:
                  web:
                    depends_on:
                      ghost: {condition: service_started}
                """), List.of(), List.of()))
                .hasMessage("compose.yaml:4:7: services.web.depends_on: service \"web\" depends on undefined service"
                        + " \"ghost\": invalid compose project")
                .extracting(e -> ((JcomposeException) e).hint())
                .isEqualTo("define service \"ghost\" or remove it from depends_on");
    }

    @Test
    void profilesMustBeAList() {
        assertThatThrownBy(() -> Profiles.apply(model("services:\n  web: {profiles: debug}\n"), List.of(), List.of()))
                .hasMessage("compose.yaml:2:19: services.web.profiles: must be a list of profile names, not a string");
    }

    @Test
    void modelWithoutServices() {
        Profiles.Result r = Profiles.apply(model("volumes: {v: {}}"), List.of("x"), List.of());
        assertThat(r.model().keys()).containsExactly("volumes");
        assertThat(r.declaredProfiles()).isEmpty();
    }

    @Test
    void flagsWinOverComposeProfiles() {
        Environment env = Environment.of(Map.of("COMPOSE_PROFILES", "a, b,,a"));
        assertThat(Profiles.requested(List.of("c", "a", " ", "c"), env)).containsExactly("c", "a");
        assertThat(Profiles.requested(List.of(), env)).containsExactly("a", "b");
        assertThat(Profiles.requested(List.of(), Environment.EMPTY)).isEmpty();
    }
}
