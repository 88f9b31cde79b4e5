package dev.jcompose.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.TreeJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceErrorsTest {
    private final Fixture fx = new Fixture();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " => ",
            value = {
                "'portz: [80]' => compose.yaml:4:5: services.web: additional property 'portz' is not allowed | did you mean 'ports'?",
                "'imagee: x' => compose.yaml:4:5: services.web: additional property 'imagee' is not allowed | did you mean 'image'?",
                "'enviroment: {}' => compose.yaml:4:5: services.web: additional property 'enviroment' is not allowed | did you mean 'environment'?",
                "'dependson: [db]' => compose.yaml:4:5: services.web: additional property 'dependson' is not allowed | did you mean 'depends_on'?",
                "'totally_unknown: 1' => compose.yaml:4:5: services.web: additional property 'totally_unknown' is not allowed",
                "'user: [root]' => compose.yaml:4:11: services.web.user: must be a string or a number | found a sequence",
                "'hostname: 1' => compose.yaml:4:15: services.web.hostname: must be a string | found an integer",
                "'privileged: maybe' => compose.yaml:4:17: services.web.privileged: must be a boolean | found a string",
                "'init: 1.5' => compose.yaml:4:11: services.web.init: must be a boolean | found a number",
                "'cpu_shares: lots' => compose.yaml:4:17: services.web.cpu_shares: must be an integer | found a string",
                "'cpus: lots' => compose.yaml:4:11: services.web.cpus: must be a number | write a decimal number such as 0.5 or 2",
                "'cpus: .nan' => compose.yaml:4:11: services.web.cpus: must be a number | write a decimal number such as 0.5 or 2",
                "'cpus: \"Infinity\"' => compose.yaml:4:11: services.web.cpus: must be a number | write a decimal number such as 0.5 or 2",
                "'cpus: \"1.5f\"' => compose.yaml:4:11: services.web.cpus: must be a number | write a decimal number such as 0.5 or 2",
                "'shm_size: 99999999p' => compose.yaml:4:15: services.web.shm_size: invalid size: '99999999p' | write a number of bytes or a size such as 512m, 1g, 100k",
                "'ports: [99999999999999999999]' => compose.yaml:4:13: services.web.ports[0]: invalid containerPort: 99999999999999999999 | write [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL], e.g. \"127.0.0.1:8080:80/tcp\"",
                "'cpus: -1' => compose.yaml:4:11: services.web.cpus: must be greater than or equal to 0 | found an integer",
                "'labels: 5' => compose.yaml:4:13: services.web.labels: must be a mapping or a list of KEY=VALUE strings | found an integer",
                "'cap_add: NET_ADMIN' => compose.yaml:4:14: services.web.cap_add: must be a list | found a string",
                "'dns: {a: b}' => compose.yaml:4:10: services.web.dns: must be a string or a list of strings | found a mapping",
                "'restart: sometimes' => compose.yaml:4:14: services.web.restart: invalid restart policy 'sometimes' | use no, always, on-failure, on-failure:N (N retries) or unless-stopped",
                "'restart: on-failure:x' => compose.yaml:4:14: services.web.restart: invalid restart policy 'on-failure:x' | use no, always, on-failure, on-failure:N (N retries) or unless-stopped",
                "'restart: false' => compose.yaml:4:14: services.web.restart: must be a string | found a boolean",
                "'pull_policy: sometimes' => compose.yaml:4:18: services.web.pull_policy: invalid pull_policy 'sometimes' | use always, never, missing, if_not_present, build, refresh, daily, weekly or every_<duration>",
                "'network_mode: mynet' => compose.yaml:4:19: services.web.network_mode: invalid network_mode 'mynet' | use host, none, bridge, service:<service> or container:<container>; to join a network, list it under networks",
                "'container_name: -bad' => compose.yaml:4:21: services.web.container_name: container_name '-bad' does not match [a-zA-Z0-9][a-zA-Z0-9_.-]+ | use letters, digits, '_', '.' and '-', starting with a letter or digit",
                "'cgroup: shared' => compose.yaml:4:13: services.web.cgroup: invalid cgroup 'shared' | use host or private",
                "'command: \"echo \\\"open\"' => compose.yaml:4:14: services.web.command: invalid command line string | check the quotes: every ' and \" must be closed",
                "'command: {a: b}' => compose.yaml:4:14: services.web.command: must be a string | found a mapping",
                "'extra_hosts: [nohost]' => compose.yaml:4:19: services.web.extra_hosts[0]: invalid additional host, missing IP: nohost | write host=ip, e.g. somehost=162.242.195.82",
                "'extra_hosts: [\"=1.2.3.4\"]' => compose.yaml:4:19: services.web.extra_hosts[0]: bad host name '' | write host=ip, e.g. somehost=162.242.195.82",
                "'extra_hosts: host=1.2.3.4' => compose.yaml:4:18: services.web.extra_hosts: must be a list | found a string",
                "'ulimits: {nofile: {soft: 2, hard: 1}}' => compose.yaml:4:30: services.web.ulimits.nofile.soft: soft limit 2 is greater than hard limit 1 | the soft limit must not exceed the hard limit",
                "'ulimits: {nofile: {soft: 1}}' => compose.yaml:4:23: services.web.ulimits.nofile: hard is required | write {soft: N, hard: N}, or a single number for both",
                "'ulimits: {nofile: {soft: 1, hard: 2, max: 3}}' => compose.yaml:4:42: services.web.ulimits.nofile: additional property 'max' is not allowed",
                "'ulimits: {nofile: many}' => compose.yaml:4:23: services.web.ulimits.nofile: must be an integer | found a string",
                "'devices: [\"a:b:c:d\"]' => compose.yaml:4:15: services.web.devices[0]: confusing device mapping, please use long syntax: a:b:c:d | write {source: /dev/x, target: /dev/x, permissions: rwm}",
                "'depends_on: {db: {condition: service_ready}}' => compose.yaml:4:34: services.web.depends_on.db.condition: invalid condition 'service_ready' | use one of service_started, service_healthy, service_completed_successfully",
                "'depends_on: {db: {conditon: service_healthy}}' => compose.yaml:4:23: services.web.depends_on.db: additional property 'conditon' is not allowed | did you mean 'condition'?",
                "'depends_on: db' => compose.yaml:4:17: services.web.depends_on: must be a mapping | found a string",
                "'networks: {front: {alias: [x]}}' => compose.yaml:4:24: services.web.networks.front: additional property 'alias' is not allowed | did you mean 'aliases'?",
                "'mem_limit: abc' => compose.yaml:4:16: services.web.mem_limit: invalid size: 'abc' | write a number of bytes or a size such as 512m, 1g, 100k",
                "'mem_limit: true' => compose.yaml:4:16: services.web.mem_limit: must be a string or a number | found a boolean",
                "'stop_grace_period: 10' => compose.yaml:4:24: services.web.stop_grace_period: invalid duration \"10\": missing unit | write a duration such as 10s, 1m30s, 500ms or 1h",
                "'scale: -1' => compose.yaml:4:12: services.web.scale: must be greater than or equal to 0 | found -1",
                "'secrets: [{target: /x}]' => compose.yaml:4:15: services.web.secrets[0]: source is required | name the top-level secret",
                "'secrets: [{source: s, mode: rw}]' => compose.yaml:4:33: services.web.secrets[0].mode: must be a file mode | write it in octal, e.g. 0440",
                "'logging: {driver: json-file, opts: {}}' => compose.yaml:4:34: services.web.logging: additional property 'opts' is not allowed",
                "'log_driver: syslog' => compose.yaml:4:5: services.web: additional property 'log_driver' is not allowed",
                "'log_opt: {a: b}' => compose.yaml:4:5: services.web: additional property 'log_opt' is not allowed",
                "'volume_driver: local' => compose.yaml:4:5: services.web: additional property 'volume_driver' is not allowed",
                "'dockerfile: Dockerfile' => compose.yaml:4:5: services.web: additional property 'dockerfile' is not allowed",
                "'net: host' => compose.yaml:4:5: services.web.net: not supported by jcompose | use network_mode instead",
                "'build: {context: ., dockerfil: x}' => compose.yaml:4:25: services.web.build: additional property 'dockerfil' is not allowed | did you mean 'dockerfile'?",
            })
    void errors(String body, String message) {
        assertThat(fx.webError(body)).isEqualTo(message);
    }

    @Test
    void buildWithoutImageIsAService() {
        MapNode app = (MapNode) ((MapNode) fx.project("services:\n  app:\n    build: .\n")
                        .get("services")
                        .orElseThrow())
                .get("app")
                .orElseThrow();
        assertThat(app.get("image")).isEmpty();
        assertThat(TreeJson.render(app.get("build").orElseThrow()))
                .contains("\"context\":", "\"dockerfile\":\"Dockerfile\"");
        assertThat(fx.warnings).isEmpty();
    }

    @Test
    void serviceWithoutImageOrBuild() {
        assertThat(fx.error("services:\n  app:\n    user: root\n"))
                .isEqualTo("compose.yaml:3:5: services.app: service \"app\" "
                        + "has neither an image nor a build context specified | add image: <reference>");
        assertThat(fx.error("services:\n  app:\n"))
                .isEqualTo("compose.yaml:2:7: services.app: service \"app\" "
                        + "has neither an image nor a build context specified | add image: <reference>");
    }

    @Test
    void ignoredKeysAreWarnedAboutOncePerKey() {
        // develop, blkio_config, storage_opt, post_start are kept for config; the settings audit warns at up.
        fx.field(
                "build: .\ndevelop: {watch: []}\nruntime: runc\nblkio_config: {weight: 300}\nstorage_opt: {size: 1G}\n"
                        + "post_start: [{command: x}]\nenv_file: [{path: a.env, format: raw}]",
                "image");
        // env_file format: raw is applied (RawEnvFile), so nothing is left to warn about at load
        assertThat(fx.warnings).isEmpty();
    }

    @Test
    void keysComposeGoPrintsAreKeptInTheCanonicalTree() {
        assertThat(fx.field("develop: {watch: []}", "develop")).isEqualTo("{\"watch\":[]}");
        assertThat(fx.field("gpus: all", "gpus")).isEqualTo("[{\"count\":-1}]");
        assertThat(fx.field("use_api_socket: true", "use_api_socket")).isEqualTo("true");
        assertThat(fx.field("storage_opt: {size: 1G}", "storage_opt")).isEqualTo("{\"size\":\"1G\"}");
        assertThat(fx.field("cpu_count: 2", "cpu_count")).isEqualTo("2");
        // runtime is bound: the settings audit warns for runc/crun and refuses a sandboxing runtime
        assertThat(fx.field("runtime: runc", "runtime")).isEqualTo("\"runc\"");
        assertThat(fx.field("extends: {service: base}", "extends")).isEqualTo("absent");
    }

    @Test
    void nullServiceValueIsAnEmptyService() {
        assertThat(fx.error("services:\n  web:\n")).contains("has neither an image nor a build context specified");
    }
}
