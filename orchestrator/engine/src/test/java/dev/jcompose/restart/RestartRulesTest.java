package dev.jcompose.restart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestartRulesTest {
    private static final Duration SHORT = Duration.ofSeconds(1);

    @Test
    void backoffDoublesFrom100msAndCapsAtOneMinute() {
        List<Long> delays = new ArrayList<>();
        RestartHistory history = RestartHistory.FRESH;
        for (int i = 0; i < 13; i++) {
            RestartDecision decision = RestartRules.decide(RestartPolicy.ALWAYS, history, 1, SHORT, false);
            delays.add(((RestartDecision.Restart) decision).delay().toMillis());
            history = decision.next();
        }
        assertThat(delays)
                .containsExactly(
                        100L, 200L, 400L, 800L, 1600L, 3200L, 6400L, 12800L, 25600L, 51200L, 60000L, 60000L, 60000L);
        assertThat(history.restartCount()).isEqualTo(13);
    }

    @Test
    void runningTenSecondsResetsTheBackoffButNotTheCount() {
        RestartHistory history = new RestartHistory(4, Duration.ofMillis(1600));
        RestartDecision ranLong = RestartRules.decide(RestartPolicy.ALWAYS, history, 1, Duration.ofSeconds(10), false);
        assertThat(ranLong)
                .isEqualTo(new RestartDecision.Restart(
                        Duration.ofMillis(100), new RestartHistory(5, Duration.ofMillis(100))));
        RestartDecision ranShort =
                RestartRules.decide(RestartPolicy.ALWAYS, history, 1, Duration.ofMillis(9999), false);
        assertThat(ranShort)
                .isEqualTo(new RestartDecision.Restart(
                        Duration.ofMillis(3200), new RestartHistory(5, Duration.ofMillis(3200))));
    }

    @Test
    void nextDelayStepsAlone() {
        assertThat(RestartRules.nextDelay(Duration.ZERO, SHORT)).isEqualTo(Duration.ofMillis(100));
        assertThat(RestartRules.nextDelay(Duration.ofSeconds(40), SHORT)).isEqualTo(Duration.ofMinutes(1));
        assertThat(RestartRules.nextDelay(Duration.ofMinutes(1), SHORT)).isEqualTo(Duration.ofMinutes(1));
        assertThat(RestartRules.nextDelay(Duration.ofMinutes(1), Duration.ofSeconds(11)))
                .isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void onFailureWithAMaximumGivesUpAfterThatManyRestarts() {
        RestartPolicy policy = RestartPolicy.parse("on-failure:2");
        RestartDecision first = RestartRules.decide(policy, RestartHistory.FRESH, 1, SHORT, false);
        assertThat(first.describe()).isEqualTo("restart #1 after 100ms");
        RestartDecision second = RestartRules.decide(policy, first.next(), 1, SHORT, false);
        assertThat(second.describe()).isEqualTo("restart #2 after 200ms");
        RestartDecision third = RestartRules.decide(policy, second.next(), 1, SHORT, false);
        assertThat(third).isInstanceOf(RestartDecision.GiveUp.class);
        assertThat(third.describe()).isEqualTo("give up: reached the maximum of 2 restarts (restart: on-failure:2)");
        assertThat(third.next().restartCount()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} exit {1} userStopped {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no             | 1 | false | give up: restart policy is \"no\"",
                "no             | 0 | false | give up: restart policy is \"no\"",
                "always         | 0 | false | restart #1 after 100ms",
                "always         | 1 | false | restart #1 after 100ms",
                "always         | 0 | true  | restart #1 after 100ms",
                "unless-stopped | 0 | false | restart #1 after 100ms",
                "unless-stopped | 137 | false | restart #1 after 100ms",
                "unless-stopped | 0 | true  | give up: stopped by the user (restart: unless-stopped)",
                "on-failure     | 0 | false | give up: exited with code 0 (restart: on-failure)",
                "on-failure     | 1 | false | restart #1 after 100ms",
                "on-failure     | 1 | true  | restart #1 after 100ms",
                "on-failure:3   | 0 | false | give up: exited with code 0 (restart: on-failure)",
            })
    void decisionTable(String policy, int exitCode, boolean userStopped, String expected) {
        assertThat(RestartRules.decide(RestartPolicy.parse(policy), RestartHistory.FRESH, exitCode, SHORT, userStopped)
                        .describe())
                .isEqualTo(expected);
    }

    @Test
    void unlimitedOnFailureKeepsRestarting() {
        RestartDecision decision = RestartRules.decide(
                RestartPolicy.parse("on-failure"), new RestartHistory(1000, Duration.ofMinutes(1)), 2, SHORT, false);
        assertThat(decision.describe()).isEqualTo("restart #1001 after 1m0s");
    }

    @Test
    void theBackoffAdvancesEvenWhenGivingUp() {
        RestartDecision decision = RestartRules.decide(
                RestartPolicy.onFailure(0), new RestartHistory(1, Duration.ofMillis(100)), 0, SHORT, false);
        assertThat(decision.next()).isEqualTo(new RestartHistory(1, Duration.ofMillis(200)));
    }
}
