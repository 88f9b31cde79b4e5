package dev.jcompose.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeySetTest {
    private static final KeySet KEYS = KeySet.of("ports", "image", "environment", "volumes", "networks");

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "portz => did you mean 'ports'?",
                "port => did you mean 'ports'?",
                "imgae => did you mean 'image'?",
                "volume => did you mean 'volumes'?",
                "netwrk => did you mean 'networks'?",
                "env => ",
                "xyz => ",
            })
    void suggestsKeysWithinTwoEdits(String unknown, String hint) {
        assertThat(KEYS.suggestion(unknown)).isEqualTo(hint);
    }

    @ParameterizedTest
    @CsvSource({"kitten,sitting,3", "ports,portz,1", "abc,abc,0", "'',abc,3", "image,imgae,2"})
    void editDistance(String a, String b, int d) {
        assertThat(KeySet.distance(a, b)).isEqualTo(d);
    }
}
