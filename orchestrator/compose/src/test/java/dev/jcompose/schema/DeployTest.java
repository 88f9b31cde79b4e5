package dev.jcompose.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeployTest {
    private final Fixture fx = new Fixture();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " => ",
            value = {
                "'deploy: {replicas: 2}' => {\"replicas\":2,\"resources\":{},\"placement\":{}}",
                "'deploy: {}' => {\"resources\":{},\"placement\":{}}",
                "'deploy: {resources: {limits: {cpus: \"0.5\", memory: 512M, pids: 100}, reservations: {memory: 128m, cpus: 0.25}}}' => {\"resources\":{\"limits\":{\"cpus\":0.5,\"memory\":\"536870912\",\"pids\":100},\"reservations\":{\"cpus\":0.25,\"memory\":\"134217728\"}},\"placement\":{}}",
                "'deploy: {restart_policy: {condition: on-failure, delay: 5s, max_attempts: 3, window: 2m}}' => {\"resources\":{},\"restart_policy\":{\"condition\":\"on-failure\",\"delay\":\"5s\",\"max_attempts\":3,\"window\":\"2m0s\"},\"placement\":{}}",
                "'deploy: {mode: global, labels: [a=b]}' => {\"mode\":\"global\",\"labels\":{\"a\":\"b\"},\"resources\":{},\"placement\":{}}",
                "'deploy: {placement: {constraints: [node.role==manager]}}' => {\"resources\":{},\"placement\":{\"constraints\":[\"node.role==manager\"]}}",
                "'deploy: {update_config: {parallelism: 3, delay: 10s, monitor: 60s, max_failure_ratio: 0.3, order: start-first}, endpoint_mode: dnsrr}' => {\"update_config\":{\"parallelism\":3,\"delay\":\"10s\",\"monitor\":\"1m0s\",\"max_failure_ratio\":0.3,\"order\":\"start-first\"},\"resources\":{},\"placement\":{},\"endpoint_mode\":\"dnsrr\"}",
                "'deploy: {resources: {reservations: {devices: [{capabilities: [gpu], count: all}]}}}' => {\"resources\":{\"reservations\":{\"devices\":[{\"capabilities\":[\"gpu\"],\"count\":-1}]}},\"placement\":{}}",
                "'{scale: 2, deploy: {replicas: 2}}' => {\"replicas\":2,\"resources\":{},\"placement\":{}}",
                "'{scale: 3, deploy: {mode: replicated}}' => {\"mode\":\"replicated\",\"replicas\":3,\"resources\":{},\"placement\":{}}",
                "'{cpus: 0.5, deploy: {resources: {limits: {cpus: 0.5}}}}' => {\"resources\":{\"limits\":{\"cpus\":0.5}},\"placement\":{}}",
                "'{mem_limit: 1g, deploy: {resources: {limits: {memory: 1024m}}}}' => {\"resources\":{\"limits\":{\"memory\":\"1073741824\"}},\"placement\":{}}",
            })
    void canonicalForms(String body, String json) {
        String flat =
                body.startsWith("{") ? body.substring(1, body.length() - 1).replace(", deploy:", "\ndeploy:") : body;
        assertThat(fx.field(flat, "deploy")).isEqualTo(json);
    }

    @Test
    void swarmOnlyKeysAreKeptForConfigWithoutLoadWarnings() {
        // compose-go prints them; the settings audit warns at up (ServiceSettingsTest).
        assertThat(fx.field(
                        "deploy:\n  placement: {constraints: [a]}\n  update_config: {parallelism: 2}\n  endpoint_mode: vip\n"
                                + "  resources:\n    limits:\n      generic_resources: []",
                        "deploy"))
                .isEqualTo(
                        "{\"update_config\":{\"parallelism\":2},\"resources\":{\"limits\":{\"generic_resources\":[]}},"
                                + "\"placement\":{\"constraints\":[\"a\"]},\"endpoint_mode\":\"vip\"}");
        assertThat(fx.warnings).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " => ",
            value = {
                "'scale: 2\ndeploy: {replicas: 3}' => compose.yaml:4:5: services.web: can't set distinct values on 'scale' and 'deploy.replicas' | keep only one of them",
                "'cpus: 1\ndeploy: {resources: {limits: {cpus: 2}}}' => compose.yaml:4:5: services.web: can't set distinct values on 'cpus' and 'deploy.resources.limits.cpus' | keep only one of them",
                "'mem_limit: 1g\ndeploy: {resources: {limits: {memory: 2g}}}' => compose.yaml:4:5: services.web: can't set distinct values on 'mem_limit' and 'deploy.resources.limits.memory' | keep only one of them",
                "'mem_reservation: 1g\ndeploy: {resources: {reservations: {pids: 2}}}' => compose.yaml:4:5: services.web: can't set distinct values on 'mem_reservation' and 'deploy.resources.reservations.memory' | keep only one of them",
                "'pids_limit: 10\ndeploy: {resources: {limits: {pids: 20}}}' => compose.yaml:4:5: services.web: can't set distinct values on 'pids_limit' and 'deploy.resources.limits.pids' | keep only one of them",
                "'container_name: app\nscale: 2' => compose.yaml:4:5: services.web: can't set container_name and scale as container name must be unique | remove container_name, or run a single replica",
                "'container_name: app\ndeploy: {replicas: 2}' => compose.yaml:4:5: services.web: can't set container_name and deploy.replicas as container name must be unique | remove container_name, or run a single replica",
                "'deploy: {replicas: -1}' => compose.yaml:4:24: services.web.deploy.replicas: must be greater than or equal to 0 | found -1",
                "'deploy: {replicas: two}' => compose.yaml:4:24: services.web.deploy.replicas: must be an integer | found a string",
                "'deploy: {mode: swarm}' => compose.yaml:4:20: services.web.deploy.mode: invalid deploy mode 'swarm' | use replicated, global, replicated-job or global-job",
                "'deploy: {restart_policy: {condition: always}}' => compose.yaml:4:42: services.web.deploy.restart_policy.condition: invalid restart_policy condition 'always' | use none, on-failure or any",
                "'deploy: {resources: {limits: {memory: lots}}}' => compose.yaml:4:43: services.web.deploy.resources.limits.memory: invalid size: 'lots' | write a number of bytes or a size such as 512m, 1g, 100k",
                "'deploy: {resources: {limit: {}}}' => compose.yaml:4:26: services.web.deploy.resources: additional property 'limit' is not allowed | did you mean 'limits'?",
                "'deploy: {replica: 2}' => compose.yaml:4:14: services.web.deploy: additional property 'replica' is not allowed | did you mean 'replicas'?",
            })
    void errors(String body, String message) {
        assertThat(fx.webError(body)).isEqualTo(message);
    }
}
