package dev.jcompose.quantity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanSizeTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0|0B",
                "1|1B",
                "999|999B",
                "1000|1kB",
                "1024|1.024kB",
                "12345|12.35kB",
                "500000|500kB",
                "1000000|1MB",
                "12300000|12.3MB",
                "12345678|12.35MB",
                "45600000|45.6MB",
                "4561000|4.561MB",
                "999999|1000kB",
                "1500000000|1.5GB",
                "3000000000000|3TB",
                "2000000000000000|2PB",
                "1048576|1.049MB",
                "3420000000|3.42GB",
                "5372000000000|5.372TB",
                "2220000000000000|2.22PB",
                "1e28|1e+04YB",
            })
    void precisionFour(double bytes, String expected) {
        assertThat(HumanSize.format(bytes)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "4261642|4.26MB",
                "7800000|7.8MB",
                "999|999B",
                "999700|1e+03kB",
                "77800000|77.8MB",
                "1234567890|1.23GB",
            })
    void precisionThreeAsImagesPrints(double bytes, String expected) {
        assertThat(HumanSize.format(bytes, 3)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0.0001234|4|0.0001234",
                "0.00001234|4|1.234e-05",
                "2.5|1|2",
                "3.5|1|4",
                "123456|2|1.2e+05",
            })
    void goG(double value, int precision, String expected) {
        assertThat(HumanSize.goG(value, precision)).isEqualTo(expected);
    }
}
