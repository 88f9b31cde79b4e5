package dev.jcompose.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "10s|10s",
                "1m30s|1m30s",
                "90s|1m30s",
                "1h|1h0m0s",
                "500ms|500ms",
                "1.5s|1.5s",
                "0|0s",
                "0s|0s",
                "2h45m|2h45m0s",
                "1h0m0.5s|1h0m0.5s",
                "1d|24h0m0s",
                "1w|168h0m0s",
                "1500us|1.5ms",
                "1500µs|1.5ms",
                "100ns|100ns",
                "1200ns|1.2µs",
                ".5s|500ms",
                "1.25m|1m15s",
                "3600.5s|1h0m0.5s",
                "+5s|5s",
                "1m1s1ms|1m1.001s",
            })
    void parsesAndFormatsLikeGo(String in, String out) {
        assertThat(GoDuration.format(GoDuration.parseNanos(in))).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "10|invalid duration \"10\": missing unit",
                "abc|invalid duration \"abc\"",
                "10x|invalid duration \"10x\": unknown unit \"x\"",
                "''|invalid duration \"\"",
                "1..5s|invalid duration \"1..5s\"",
                "s|invalid duration \"s\"",
            })
    void rejectsWithGoLikeWording(String in, String message) {
        assertThatThrownBy(() -> GoDuration.parseNanos(in))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"-1500000000|-1.5s", "1|1ns", "60000000000|1m0s"})
    void formatsNanoseconds(long nanos, String out) {
        assertThat(GoDuration.format(nanos)).isEqualTo(out);
    }
}
