package dev.jcompose.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationModelTest {
    @ParameterizedTest
    @CsvSource({
        "0, 0s",
        "1, 1ns",
        "1500, 1.5µs",
        "500000000, 500ms",
        "1000000000, 1s",
        "1500000000, 1.5s",
        "90000000000, 1m30s",
        "60000000000, 1m0s",
        "3600000000000, 1h0m0s",
        "5430000000000, 1h30m30s",
        "-2000000000, -2s",
        "100000000000000, 27h46m40s",
    })
    void formatsLikeGo(long nanos, String text) {
        assertThat(GoDuration.format(Duration.ofNanos(nanos))).isEqualTo(text);
        assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest
    @CsvSource({"1h30m, 5400", "2d, 172800", "1w, 604800", "0, 0", "1.5h, 5400", "+10s, 10"})
    void parsesComposeForms(String text, long seconds) {
        assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @CsvSource({"soon", "10", "1x", "s", "''"})
    void rejectsMalformed(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"");
    }
}
