package dev.jcompose.quantity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationFormatTest {
    @ParameterizedTest
    @CsvSource({
        "0, 0s",
        "1, 1ns",
        "1500, 1.5µs",
        "100000000, 100ms",
        "1500000, 1.5ms",
        "1000000000, 1s",
        "30000000000, 30s",
        "60000000000, 1m0s",
        "90500000000, 1m30.5s",
        "3723000000000, 1h2m3s",
        "-2000000000, -2s",
    })
    void formatsLikeGo(long nanos, String expected) {
        assertThat(GoDuration.format(Duration.ofNanos(nanos))).isEqualTo(expected);
    }
}
