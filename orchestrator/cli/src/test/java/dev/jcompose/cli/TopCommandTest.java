package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** top's STIME and TIME columns, formatted as ps -ef formats them. */
class TopCommandTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Instant NOW = Instant.parse("2026-12-07T17:30:00Z");

    @Test
    void startTimeIsTheTimeOfDayThenMonthAndDayThenTheYear() {
        assertThat(TopCommand.startTime(Instant.parse("2026-12-07T08:05:00Z"), NOW, PARIS))
                .isEqualTo("09:05");
        assertThat(TopCommand.startTime(Instant.parse("2026-12-06T18:00:00Z"), NOW, PARIS))
                .as("less than a day ago, though yesterday")
                .isEqualTo("19:00");
        assertThat(TopCommand.startTime(Instant.parse("2026-03-01T12:00:00Z"), NOW, PARIS))
                .isEqualTo("Mar01");
        assertThat(TopCommand.startTime(Instant.parse("2025-11-30T12:00:00Z"), NOW, PARIS))
                .isEqualTo("2025");
    }

    @Test
    void cpuTimeInHoursMinutesSecondsWithDaysPastOne() {
        assertThat(TopCommand.cpuTime(Duration.ZERO)).isEqualTo("00:00:00");
        assertThat(TopCommand.cpuTime(Duration.ofSeconds(3723))).isEqualTo("01:02:03");
        assertThat(TopCommand.cpuTime(Duration.ofHours(49).plusSeconds(5))).isEqualTo("2-01:00:05");
    }
}
