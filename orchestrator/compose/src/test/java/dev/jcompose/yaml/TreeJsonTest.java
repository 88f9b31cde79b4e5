package dev.jcompose.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TreeJsonTest {
    private static Node parse(String yaml) {
        return new YamlReader().readOne(yaml, "t.yaml").orElseThrow();
    }

    @Test
    void scalarsAreTypedByKind() {
        JsonNode j = TreeJson.toJson(parse("""
                s: "80"
                plain: hello
                i: 42
                neg: -7
                hex: 0x1F
                oct: 0o17
                f: 1.5
                b: true
                n: null
                tilde: ~
                inf: .inf
                big: 123456789012345678901234567890
                """));
        assertThat(j.get("s").isTextual()).isTrue();
        assertThat(j.get("s").asText()).isEqualTo("80");
        assertThat(j.get("plain").asText()).isEqualTo("hello");
        assertThat(j.get("i").isIntegralNumber()).isTrue();
        assertThat(j.get("i").asLong()).isEqualTo(42);
        assertThat(j.get("neg").asLong()).isEqualTo(-7);
        assertThat(j.get("hex").asLong()).isEqualTo(31);
        assertThat(j.get("oct").asLong()).isEqualTo(15);
        assertThat(j.get("f").doubleValue()).isEqualTo(1.5);
        assertThat(j.get("b").booleanValue()).isTrue();
        assertThat(j.get("n").isNull()).isTrue();
        assertThat(j.get("tilde").isNull()).isTrue();
        assertThat(j.get("inf").asText()).isEqualTo(".inf");
        assertThat(j.get("big").bigIntegerValue().toString()).isEqualTo("123456789012345678901234567890");
    }

    @Test
    void keyOrderAndNestingAreKept() {
        JsonNode j = TreeJson.toJson(parse("{z: 1, a: [x, {k: v}], m: {}}"));
        assertThat(j.toString()).isEqualTo("{\"z\":1,\"a\":[\"x\",{\"k\":\"v\"}],\"m\":{}}");
    }

    @Test
    void locateFindsTheNodeOrTheDeepestExistingOne() {
        Node root = parse("""
                services:
                  web:
                    ports:
                      - target: 80
                """);
        Node found = TreeJson.locate(
                root, YamlPath.of("services", "web", "ports").index(0).key("target"));
        assertThat(found.location().toString()).isEqualTo("t.yaml:4:17");
        Node closest = TreeJson.locate(root, YamlPath.of("services", "web", "nope", "deeper"));
        assertThat(closest.location().toString()).isEqualTo("t.yaml:3:5");
        assertThat(TreeJson.locate(root, YamlPath.of("services", "web", "ports").index(5))
                        .location()
                        .line())
                .isEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
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
        assertThat(TreeJson.render(new YamlReader().readOne(yaml, "t.yaml").orElseThrow()))
                .isEqualTo(json);
    }
}
