package dev.jcompose.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1024|1024",
                "512m|536870912",
                "512M|536870912",
                "1g|1073741824",
                "1gb|1073741824",
                "1GiB|1073741824",
                "1.5gb|1610612736",
                "100k|102400",
                "100kb|102400",
                "64 m|67108864",
                "1t|1099511627776",
                "1p|1125899906842624",
                "10b|10",
                "0|0",
                "0.5k|512",
            })
    void readsBinaryUnits(String in, long bytes) {
        assertThat(ByteSize.parse(in)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1x", "-1m", "1.2.3m", "m", "1 g b", "1e3"})
    void rejects(String in) {
        assertThatThrownBy(() -> ByteSize.parse(in))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid size: '" + in + "'");
    }
}
