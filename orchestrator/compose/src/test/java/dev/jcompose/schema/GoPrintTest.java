package dev.jcompose.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.YamlReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoPrintTest {
    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "1 => 1", "-7 => -7", "0x1F => 31", "0o17 => 15", "+5 => 5", "007 => 007",
                "1.5 => 1.5", "1.0 => 1", "-2.50 => -2.5", "100000.0 => 100000", "1e6 => 1e+06",
                        "1234567.0 => 1.234567e+06",
                "0.0001 => 0.0001", "0.00001 => 1e-05", "1.5e-7 => 1.5e-07", ".inf => +Inf", "-.inf => -Inf",
                        ".nan => NaN",
                "0.0 => 0", "True => true", "false => false", "text => text",
            })
    void printsLikeGoSprint(String yaml, String text) {
        MapNode m = (MapNode) new YamlReader().readOne("v: " + yaml, "t.yaml").orElseThrow();
        assertThat(GoPrint.sprint((ScalarNode) m.get("v").orElseThrow())).isEqualTo(text);
    }
}
