package dev.jcompose.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestartPolicyTest {
    @ParameterizedTest
    @CsvSource({
        "no, NO, 0, no",
        "always, ALWAYS, 0, always",
        "unless-stopped, UNLESS_STOPPED, 0, unless-stopped",
        "on-failure, ON_FAILURE, 0, on-failure",
        "on-failure:0, ON_FAILURE, 0, on-failure",
        "on-failure:5, ON_FAILURE, 5, on-failure:5",
    })
    void parsesComposeSpellings(String text, RestartPolicy.Kind kind, int max, String rendered) {
        RestartPolicy policy = RestartPolicy.parse(text);
        assertThat(policy.kind()).isEqualTo(kind);
        assertThat(policy.maximumRetryCount()).isEqualTo(max);
        assertThat(policy).hasToString(rendered);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "sometimes | invalid restart policy \"sometimes\": unknown policy",
                "'' | invalid restart policy \"\": unknown policy",
                "Always | invalid restart policy \"Always\": unknown policy",
                "always:3 | invalid restart policy \"always:3\": a maximum retry count only goes with on-failure",
                "no:1 | invalid restart policy \"no:1\": a maximum retry count only goes with on-failure",
                "on-failure: | invalid restart policy \"on-failure:\": the maximum retry count must be a non-negative integer",
                "on-failure:-1 | invalid restart policy \"on-failure:-1\": the maximum retry count must be a non-negative integer",
                "on-failure:x | invalid restart policy \"on-failure:x\": the maximum retry count must be a non-negative integer",
                "on-failure:99999999999 | invalid restart policy \"on-failure:99999999999\": the maximum retry count must be a non-negative integer",
            })
    void rejectsInvalidPolicies(String text, String message) {
        assertThatThrownBy(() -> RestartPolicy.parse(text))
                .isInstanceOf(JcomposeException.class)
                .hasMessage(message)
                .satisfies(e -> {
                    JcomposeException j = (JcomposeException) e;
                    assertThat(j.hint())
                            .isEqualTo(
                                    "use one of \"no\", always, on-failure, on-failure:<max-retries>, unless-stopped");
                    assertThat(j.exitCode()).isEqualTo(ExitCode.COMPOSE_PARSE);
                });
    }
}
