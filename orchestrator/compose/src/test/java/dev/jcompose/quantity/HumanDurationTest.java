package dev.jcompose.quantity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanDurationTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0|Less than a second",
                "999|Less than a second",
                "1000|1 second",
                "1999|1 second",
                "2000|2 seconds",
                "59999|59 seconds",
                "60000|About a minute",
                "119999|About a minute",
                "120000|2 minutes",
                "3599999|59 minutes",
                "3600000|About an hour",
                "5399999|About an hour",
                "5400000|2 hours",
                "86400000|24 hours",
                "165600000|46 hours",
                "172799999|2 days",
                "172800000|2 days",
                "1123200000|13 days",
                "1209600000|2 weeks",
                "4838400000|8 weeks",
                "5184000000|2 months",
                "62208000000|24 months",
                "63070200000|1 years",
                "63072000000|2 years",
                "315360000000|10 years",
            })
    // hours are rounded before the day/week/month comparisons but not for years, hence "1 years"
    void formatsLikeGoUnits(long millis, String expected) {
        assertThat(HumanDuration.format(Duration.ofMillis(millis))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "PT0.45S|Less than a second",
                "PT35M40S|35 minutes",
                "PT1H29M|About an hour",
                "PT1H31M|2 hours",
                "PT3H29M|3 hours",
                "PT3H31M|4 hours",
                "PT36H|36 hours",
                "P13DT5H|13 days",
                "P18D|2 weeks",
                "P30D|4 weeks",
                "P44D|6 weeks",
                "P74D|2 months",
                "P157D|5 months",
                "P720D|24 months",
                "P734D|2 years",
                "P1155D|3 years",
            })
    void goUnitsDocumentedCases(Duration d, String expected) {
        assertThat(HumanDuration.format(d)).isEqualTo(expected);
    }
}
