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
        for (String f : List.of("full-example.yaml", "example1.label", "example2.label", "example1.env")) {
            run.write(f.equals("full-example.yaml") ? "compose.yaml" : f, resource(f));
        }
        run.processEnv = java.util.Map.of("HOME", "/home/foo", "CONFIG_VALUE", "c", "SECRET_VALUE", "s");
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
        assertThat(foo.path("environment").toString())
                .isEqualTo("{\"BAR\":\"bar\",\"FOO\":\"foo_from_env\",\"FROM_ENV_FILE\":\"1\"}");
        assertThat(project.path("services")
                        .path("bar")
                        .path("secrets")
                        .get(0)
                        .path("target")
                        .asText())
                .isEqualTo("/run/secrets/secret1");
    }

    private String at(JsonNode n, String path) {
        for (String k : path.split("\\.")) {
            n = k.matches("\\d+") ? n.path(Integer.parseInt(k)) : n.path(k);
        }
        return n.toString();
    }

    @Test
    void moreServiceFields() {
        assertThat(at(foo, "annotations")).isEqualTo("{\"com.example.foo\":\"bar\"}");
        assertThat(at(foo, "attach")).isEqualTo("false");
        assertThat(at(foo, "cgroup")).isEqualTo("\"private\"");
        assertThat(at(foo, "configs"))
                .isEqualTo("[{\"source\":\"config1\"},{\"source\":\"config2\",\"target\":\"/my_config\","
                        + "\"uid\":\"103\",\"gid\":\"103\",\"mode\":\"0440\"}]");
        assertThat(at(foo, "credential_spec")).isEqualTo("{\"config\":\"my_credential_spec\"}");
        // an explicit depends_on entry is kept as written; links and volumes_from only add missing ones
        assertThat(at(foo, "depends_on"))
                .isEqualTo("{\"bar\":{\"condition\":\"service_healthy\",\"restart\":true,\"required\":true},"
                        + "\"baz\":{\"condition\":\"service_started\",\"required\":false}}");
        assertThat(at(foo, "device_cgroup_rules")).isEqualTo("[\"c 1:3 mr\",\"a 7:* rmw\"]");
        assertThat(at(foo, "devices"))
                .isEqualTo("[{\"source\":\"/dev/ttyUSB0\",\"target\":\"/dev/ttyUSB0\",\"permissions\":\"rwm\"}]");
        assertThat(at(foo, "dns_opt")).isEqualTo("[\"use-vc\",\"no-tld-query\"]");
        assertThat(at(foo, "environment.FROM_ENV_FILE")).isEqualTo("\"1\"");
        assertThat(at(foo, "environment.FOO"))
                .as("environment wins over env_file")
                .isEqualTo("\"foo_from_env\"");
        assertThat(at(foo, "external_links")).isEqualTo("[\"redis_1\",\"project_db_1:mysql\"]");
        assertThat(at(foo, "group_add")).isEqualTo("[\"mail\"]");
        assertThat(at(foo, "healthcheck"))
                .isEqualTo("{\"test\":[\"CMD-SHELL\",\"echo \\\"hello world\\\"\"],\"timeout\":\"1s\","
                        + "\"interval\":\"10s\",\"retries\":5,\"start_period\":\"15s\",\"start_interval\":\"5s\"}");
        assertThat(at(foo, "isolation")).isEqualTo("\"process\"");
        assertThat(at(foo, "links")).isEqualTo("[\"bar\",\"baz:db\"]");
        assertThat(at(foo, "logging"))
                .isEqualTo("{\"driver\":\"syslog\",\"options\":{\"syslog-address\":\"tcp://192.168.0.42:123\"}}");
        assertThat(at(foo, "mem_swappiness")).isEqualTo("\"10\"");
        assertThat(at(foo, "networks"))
                .isEqualTo("{\"other-network\":{\"ipv4_address\":\"172.16.238.10\",\"priority\":1000},"
                        + "\"some-network\":{\"aliases\":[\"alias1\",\"alias3\"]}}");
        assertThat(at(foo, "platform")).isEqualTo("\"linux/amd64\"");
        assertThat(at(foo, "pull_policy")).isEqualTo("\"missing\"");
        assertThat(at(foo, "runtime")).isEqualTo("\"runc\"");
        assertThat(at(foo, "secrets.1"))
                .isEqualTo(
                        "{\"source\":\"secret2\",\"target\":\"my_secret\",\"uid\":\"103\",\"gid\":\"103\",\"mode\":\"0440\"}");
        assertThat(at(foo, "security_opt")).isEqualTo("[\"label=level:s0:c100,c200\",\"label=type:svirt_apache_t\"]");
        assertThat(at(foo, "userns_mode")).isEqualTo("\"host\"");
        assertThat(at(foo, "uts")).isEqualTo("\"host\"");
        assertThat(at(foo, "volumes_from")).isEqualTo("[\"bar\",\"baz:ro\"]");
        assertThat(foo.has("x-bar"))
                .as("compose-go's JSON drops service extensions (json:\"-\")")
                .isFalse();
        assertThat(at(foo, "post_start")).isEqualTo("[{\"command\":\"./setup.sh\",\"user\":\"root\"}]");
        assertThat(at(foo, "pre_stop")).isEqualTo("[{\"command\":\"./cleanup.sh\"}]");
        assertThat(at(foo, "models")).isEqualTo("[\"llm\"]");
    }

    @Test
    void ports() {
        assertThat(at(foo, "ports"))
                .isEqualTo(
                        "[{\"mode\":\"ingress\",\"target\":3000,\"protocol\":\"tcp\"},"
                                + "{\"mode\":\"ingress\",\"host_ip\":\"127.0.0.1\",\"target\":8001,\"published\":\"8001\",\"protocol\":\"tcp\"},"
                                + "{\"mode\":\"ingress\",\"target\":5000,\"published\":\"5000\",\"protocol\":\"udp\"},"
                                + "{\"mode\":\"ingress\",\"target\":5001,\"published\":\"5001\",\"protocol\":\"udp\"},"
                                + "{\"name\":\"web\",\"mode\":\"host\",\"target\":8080,\"published\":\"9090\",\"protocol\":\"tcp\",\"app_protocol\":\"http\"}]");
    }

    @Test
    void deployEveryPart() {
        assertThat(at(foo, "deploy"))
                .isEqualTo("{\"mode\":\"replicated\",\"replicas\":1,\"labels\":{\"FOO\":\"BAR\"},"
                        + "\"update_config\":{\"parallelism\":3,\"delay\":\"10s\",\"failure_action\":\"continue\","
                        + "\"monitor\":\"1m0s\",\"max_failure_ratio\":0.3,\"order\":\"start-first\"},"
                        + "\"resources\":{\"limits\":{\"cpus\":0.5,\"memory\":\"1073741824\",\"pids\":10},"
                        + "\"reservations\":{\"cpus\":1.0E-4,\"memory\":\"536870912\","
                        + "\"generic_resources\":[{\"discrete_resource_spec\":{\"kind\":\"gpu\",\"value\":2}}]}},"
                        + "\"restart_policy\":{\"condition\":\"on-failure\",\"delay\":\"5s\",\"max_attempts\":3,\"window\":\"2m0s\"},"
                        + "\"placement\":{\"constraints\":[\"node=foo\"],\"preferences\":[{\"spread\":\"node.labels.az\"}]},"
                        + "\"endpoint_mode\":\"dnsrr\"}");
    }

    @Test
    void developAndBlkio() {
        assertThat(at(foo, "develop.watch.0.path")).isEqualTo("\"" + dir("src") + "\"");
        assertThat(at(foo, "develop.watch.1.action")).isEqualTo("\"rebuild\"");
        assertThat(at(foo, "blkio_config.weight")).isEqualTo("300");
        assertThat(at(foo, "blkio_config.device_read_bps.0.rate")).isEqualTo("\"1048576\"");
        assertThat(at(foo, "blkio_config.device_write_iops.0.rate")).isEqualTo("\"200\"");
    }

    @Test
    void longVolumeSyntaxAndOtherServices() {
        JsonNode bar = project.path("services").path("bar");
        assertThat(at(bar, "volumes"))
                .isEqualTo(
                        "[{\"type\":\"volume\",\"source\":\"some-volume\",\"target\":\"/data\",\"volume\":{\"nocopy\":true}},"
                                + "{\"type\":\"bind\",\"source\":\"" + dir("opt2")
                                + "\",\"target\":\"/opt2\",\"bind\":{\"create_host_path\":false}},"
                                + "{\"type\":\"tmpfs\",\"target\":\"/tmp\",\"tmpfs\":{\"size\":\"10000\"}}]");
        assertThat(at(project, "services.baz.network_mode")).isEqualTo("\"service:bar\"");
        assertThat(at(project, "services.cloud-db.provider"))
                .isEqualTo("{\"type\":\"awesomecloud\",\"options\":{\"type\":\"mysql\",\"size\":256}}");
    }

    @Test
    void topLevelSections() {
        assertThat(at(project, "networks.some-network"))
                .isEqualTo(
                        "{\"name\":\"full_some-network\",\"driver\":\"overlay\",\"driver_opts\":{\"baz\":\"1\",\"foo\":\"bar\"},"
                                + "\"ipam\":{\"driver\":\"overlay\",\"config\":[{\"subnet\":\"172.28.0.0/16\"}],\"options\":{\"foo\":\"bar\"}},"
                                + "\"labels\":{\"foo\":\"bar\"}}");
        assertThat(at(project, "networks.other-network.internal")).isEqualTo("true");
        assertThat(at(project, "networks.external-network"))
                .isEqualTo("{\"name\":\"the-real-one\",\"ipam\":{},\"external\":true}");
        assertThat(at(project, "volumes.some-volume"))
                .isEqualTo(
                        "{\"name\":\"full_some-volume\",\"driver\":\"local\","
                                + "\"driver_opts\":{\"o\":\"addr=10.40.0.199,nolock,soft,rw\",\"type\":\"nfs\"},\"labels\":{\"foo\":\"bar\"}}");
        assertThat(at(project, "volumes.external-volume"))
                .isEqualTo("{\"name\":\"external-volume\",\"external\":true}");
        assertThat(at(project, "configs.config1"))
                .isEqualTo("{\"name\":\"full_config1\",\"file\":\"" + dir("config_data")
                        + "\",\"labels\":{\"foo\":\"bar\"}}");
        assertThat(at(project, "configs.config2")).isEqualTo("{\"name\":\"my_config\",\"external\":true}");
        assertThat(at(project, "configs.config3"))
                .isEqualTo("{\"name\":\"full_config3\",\"environment\":\"CONFIG_VALUE\"}");
        assertThat(at(project, "configs.config4"))
                .isEqualTo("{\"name\":\"full_config4\",\"content\":\"some content\"}");
        assertThat(at(project, "secrets.secret3"))
                .isEqualTo("{\"name\":\"full_secret3\",\"environment\":\"SECRET_VALUE\"}");
        assertThat(at(project, "models.llm")).isEqualTo("{\"model\":\"ai/smollm2\",\"context_size\":1024}");
        assertThat(at(project, "x-top")).isEqualTo("{\"foo\":1}");
    }

    private static byte[] resource(String name) {
        try (InputStream in = ComposeGoConformanceTest.class.getResourceAsStream("/conformance/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
