package dev.jcompose.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthcheckTest {
    private final Fixture fx = new Fixture();

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "'{test: curl -f http://localhost}' => {\"test\":[\"CMD-SHELL\",\"curl -f http://localhost\"]}",
                "'{test: [CMD, curl, -f, http://localhost]}' => {\"test\":[\"CMD\",\"curl\",\"-f\",\"http://localhost\"]}",
                "'{test: [CMD-SHELL, exit 0]}' => {\"test\":[\"CMD-SHELL\",\"exit 0\"]}",
                "'{test: [NONE]}' => {\"test\":[\"NONE\"]}",
                "'{disable: true}' => {\"test\":[\"NONE\"],\"disable\":true}",
                "'{disable: false, test: [CMD, /bin/true]}' => {\"test\":[\"CMD\",\"/bin/true\"]}",
                "'{test: [NONE], disable: true}' => {\"test\":[\"NONE\"],\"disable\":true}",
                "'{start_interval: 500ms, start_period: 1h, retries: 3, timeout: 10s, interval: 1m30s, test: [CMD, x]}' => {\"test\":[\"CMD\",\"x\"],\"timeout\":\"10s\",\"interval\":\"1m30s\",\"retries\":3,\"start_period\":\"1h0m0s\",\"start_interval\":\"500ms\"}",
                "'{interval: 90s, timeout: 1.5s}' => {\"timeout\":\"1.5s\",\"interval\":\"1m30s\"}",
                "'{retries: \"5\"}' => {\"retries\":5}",
                "'{test: []}' => {\"test\":[]}",
            })
    void canonicalForms(String value, String json) {
        assertThat(fx.field("healthcheck: " + value, "healthcheck")).isEqualTo(json);
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "'{test: [FOO, x]}' => compose.yaml:4:25: services.web.healthcheck.test: healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\" | write [\"CMD\", \"prog\", \"arg\"...], [\"CMD-SHELL\", \"command\"], [\"NONE\"] or a string (run by the shell)",
                "'{test: [CMD]}' => compose.yaml:4:25: services.web.healthcheck.test: healthcheck.test with CMD takes a program and its arguments | write [\"CMD\", \"prog\", \"arg\"...], [\"CMD-SHELL\", \"command\"], [\"NONE\"] or a string (run by the shell)",
                "'{test: [CMD-SHELL, a, b]}' => compose.yaml:4:25: services.web.healthcheck.test: healthcheck.test with CMD-SHELL takes exactly one command string | write [\"CMD\", \"prog\", \"arg\"...], [\"CMD-SHELL\", \"command\"], [\"NONE\"] or a string (run by the shell)",
                "'{test: [NONE, x]}' => compose.yaml:4:25: services.web.healthcheck.test: healthcheck.test with NONE takes no arguments | write [\"CMD\", \"prog\", \"arg\"...], [\"CMD-SHELL\", \"command\"], [\"NONE\"] or a string (run by the shell)",
                "'{interval: 10}' => compose.yaml:4:29: services.web.healthcheck.interval: invalid duration \"10\": missing unit | write a duration such as 10s, 1m30s, 500ms or 1h",
                "'{timeout: soon}' => compose.yaml:4:28: services.web.healthcheck.timeout: invalid duration \"soon\" | write a duration such as 10s, 1m30s, 500ms or 1h",
                "'{start_period: -5s}' => compose.yaml:4:33: services.web.healthcheck.start_period: invalid duration \"-5s\": must not be negative | write a duration such as 10s, 1m30s, 500ms or 1h",
                "'{retries: -1}' => compose.yaml:4:28: services.web.healthcheck.retries: must be greater than or equal to 0 | found -1",
                "'{test: [CMD, x], disable: true}' => compose.yaml:4:44: services.web.healthcheck.disable: test and disable can't be set at the same time | remove test, or set disable: false",
                "'{intervall: 5s}' => compose.yaml:4:19: services.web.healthcheck: additional property 'intervall' is not allowed | did you mean 'interval'?",
                "'{test: {cmd: x}}' => compose.yaml:4:25: services.web.healthcheck.test: must be a string or a list of strings | found a mapping",
                "'[CMD, x]' => compose.yaml:4:18: services.web.healthcheck: must be a mapping | found a sequence",
            })
    void errors(String value, String message) {
        assertThat(fx.webError("healthcheck: " + value)).isEqualTo(message);
    }
}
