package dev.jcompose.loader;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full example written here, loaded as {@code docker compose config --format json} would print
 * it, against the values compose-go's loader tests expect for each field (build, labels and
 * label_file, YAML 1.1 booleans, ~ from $HOME, the project name in interpolation...).
 */
class ComposeGoConformanceTest {
    @TempDir
    Path tmp;

    JsonNode project;
    JsonNode foo;
    final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void load() throws IOException {
        ConfigRun run = new ConfigRun(tmp.resolve("proj"));
        for (String f : List.of("full-example.yaml", "example1.label", "example2.label")) {
            run.write(f.equals("full-example.yaml") ? "compose.yaml" : f, resource(f));
        }
        run.processEnv = java.util.Map.of("HOME", "/home/foo");
        project = new ObjectMapper().readTree(run.config());
        foo = project.path("services").path("foo");
        warnings.addAll(run.warnings);
    }

    private String dir(String rel) {
        return tmp.resolve("proj").resolve(rel).toString();
    }

    @Test
    void buildFields() {
        JsonNode b = foo.path("build");
        assertThat(b.path("context").asText()).isEqualTo(dir("dir"));
        assertThat(b.path("dockerfile").asText()).isEqualTo("Dockerfile");
        assertThat(b.path("args").toString()).isEqualTo("{\"foo\":\"bar\"}");
        assertThat(b.path("target").asText()).isEqualTo("foo");
        assertThat(b.path("network").asText()).isEqualTo("foo");
        assertThat(b.path("cache_from").toString()).isEqualTo("[\"foo\",\"bar\"]");
        assertThat(b.path("labels").toString()).isEqualTo("{\"FOO\":\"BAR\"}");
        assertThat(b.path("tags").toString()).isEqualTo("[\"foo:v1.0.0\"]");
        assertThat(b.path("platforms").toString()).isEqualTo("[\"linux/amd64\",\"linux/arm64\"]");
        assertThat(b.path("no_cache_filter").toString()).isEqualTo("[\"stage\"]");
    }

    @Test
    void additionalContextsAreAbsoluteUnlessRemote() {
        JsonNode c = foo.path("build").path("additional_contexts");
        assertThat(c.path("rel").asText()).isEqualTo(dir("bar"));
        assertThat(c.path("image").asText()).isEqualTo("docker-image://foo");
        assertThat(c.path("remote").asText()).isEqualTo("github.com/example/repo");
    }

    @Test
    void buildSecretModeIsOctal() {
        JsonNode s = foo.path("build").path("secrets");
        assertThat(s.get(0).path("source").asText()).isEqualTo("secret1");
        assertThat(s.get(1).path("uid").asText()).isEqualTo("103");
        assertThat(s.get(1).path("mode").asText()).isEqualTo("0440");
    }

    @Test
    void projectNameIsVisibleToInterpolation() {
        assertThat(project.path("name").asText()).isEqualTo("full");
        assertThat(foo.path("image").asText()).isEqualTo("registry.example/foo:full");
    }

    @Test
    void labelsFromLabelFilesThenLabels() {
        assertThat(foo.path("labels").toString())
                .isEqualTo("{\"LABEL_A\":\"overridden_by_file_2\",\"LABEL_B\":\"from_file_2\","
                        + "\"com.example.description\":\"Accounting webapp\",\"com.example.number\":\"42\"}");
        assertThat(foo.path("label_file").toString())
                .isEqualTo("[\"" + dir("example1.label") + "\",\"" + dir("example2.label") + "\"]");
    }

    @Test
    void yaml11BooleansAreCastWithAWarning() {
        assertThat(foo.path("privileged").asBoolean()).isTrue();
        assertThat(foo.path("oom_kill_disable").asBoolean()).isTrue();
        assertThat(warnings)
                .anySatisfy(
                        w -> assertThat(w)
                                .endsWith(
                                        "services.foo.privileged: \"yes\" for boolean is not supported by YAML 1.2, please use `true`"));
    }

    @Test
    void homeComesFromTheEnvironment() {
        assertThat(foo.path("volumes").get(0).path("source").asText()).isEqualTo("/home/foo/configs");
        assertThat(foo.path("volumes").get(1).path("source").asText()).isEqualTo(dir("opt"));
    }

    @Test
    void keysComposeGoPrintsAreKept() {
        assertThat(foo.path("cpu_count").asLong()).isEqualTo(2);
        assertThat(foo.path("cpu_percent").asDouble()).isEqualTo(50);
        assertThat(foo.path("cpu_rt_period").asLong()).isEqualTo(1000000);
        assertThat(foo.path("cpu_rt_runtime").asLong()).isEqualTo(950000);
        assertThat(foo.path("storage_opt").toString()).isEqualTo("{\"size\":\"20G\"}");
        assertThat(foo.path("gpus").toString()).isEqualTo("[{\"count\":-1}]");
        assertThat(foo.path("use_api_socket").asBoolean()).isTrue();
    }

    @Test
    void serviceFields() {
        assertThat(foo.path("cap_add").toString()).isEqualTo("[\"ALL\"]");
        assertThat(foo.path("cap_drop").toString()).isEqualTo("[\"NET_ADMIN\",\"SYS_ADMIN\"]");
        assertThat(foo.path("command").toString()).isEqualTo("[\"bundle\",\"exec\",\"thin\",\"-p\",\"3000\"]");
        assertThat(foo.path("entrypoint").toString()).isEqualTo("[\"/code/entrypoint.sh\",\"-p\",\"3000\"]");
        assertThat(foo.path("cpus").asDouble()).isEqualTo(0.5);
        assertThat(foo.path("dns").toString()).isEqualTo("[\"8.8.8.8\",\"9.9.9.9\"]");
        assertThat(foo.has("dns_search")).as("an unset variable is no entry").isFalse();
        assertThat(foo.path("expose").toString()).isEqualTo("[\"3000\",\"8000\"]");
        assertThat(foo.path("mem_limit").asText()).isEqualTo("1073741824");
        assertThat(foo.path("shm_size").asText()).isEqualTo("67108864");
        assertThat(foo.path("stop_grace_period").asText()).isEqualTo("20s");
        assertThat(foo.path("ulimits").toString())
                .isEqualTo("{\"nofile\":{\"soft\":20000,\"hard\":40000},\"nproc\":65535}");
        assertThat(foo.path("tmpfs").toString()).isEqualTo("[\"/run\",\"/tmp\"]");
        assertThat(foo.path("environment").toString()).isEqualTo("{\"BAR\":\"bar\",\"FOO\":\"foo_from_env\"}");
        assertThat(project.path("services")
                        .path("bar")
                        .path("secrets")
                        .get(0)
                        .path("target")
                        .asText())
                .isEqualTo("/run/secrets/secret1");
    }

    private static byte[] resource(String name) {
        try (InputStream in = ComposeGoConformanceTest.class.getResourceAsStream("/conformance/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
