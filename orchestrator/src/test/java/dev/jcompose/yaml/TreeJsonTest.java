package dev.jcompose.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TreeJsonTest {
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "'a: 1' => {\"a\":1}",
        "'a: \"1\"' => {\"a\":\"1\"}",
        "'a: 1.5' => {\"a\":1.5}",
        "'a: True' => {\"a\":true}",
        "'a: null' => {\"a\":null}",
        "'a: [x, {b: c}]' => {\"a\":[\"x\",{\"b\":\"c\"}]}",
        "'a: \"q\\\"\\\\ \\t\\n\"' => {\"a\":\"q\\\"\\\\ \\t\\n\"}",
        "'a: \"\\x01\"' => {\"a\":\"\\u0001\"}",
        "'z: 1\na: 2' => {\"z\":1,\"a\":2}",
    })
    void rendersCompactJsonInTreeOrder(String yaml, String json) {
        assertThat(TreeJson.render(new YamlReader().readOne(yaml, "t.yaml").orElseThrow())).isEqualTo(json);
    }
}
