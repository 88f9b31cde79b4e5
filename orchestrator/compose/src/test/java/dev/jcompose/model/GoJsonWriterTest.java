package dev.jcompose.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoJsonWriterTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void prettyMatchesMarshalIndent() {
        ObjectNode o = F.objectNode();
        o.set("a", F.arrayNode().add(1).add("x"));
        o.set("b", F.objectNode());
        o.set("c", F.arrayNode());
        o.putNull("d");
        o.put("e", true);
        assertThat(GoJsonWriter.pretty(o)).isEqualTo("""
                {
                  "a": [
                    1,
                    "x"
                  ],
                  "b": {},
                  "c": [],
                  "d": null,
                  "e": true
                }""");
        assertThat(GoJsonWriter.compact(o)).isEqualTo("{\"a\":[1,\"x\"],\"b\":{},\"c\":[],\"d\":null,\"e\":true}");
    }

    @Test
    void escapesLikeGo() {
        ArrayNode a = F.arrayNode().add("<a href=\"x\">&</a>").add("tab\tnl\ncr\r\u0001\u2028é\\");
        assertThat(GoJsonWriter.compact(a))
                .isEqualTo(
                        "[\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\",\"tab\\tnl\\ncr\\r\\u0001\\u2028é\\\\\"]");
    }

    @ParameterizedTest
    @CsvSource({"2.0, 2", "0.5, 0.5", "1.5, 1.5", "0.1, 0.1", "1.0E-7, 1e-07", "1.0E21, 1e+21", "123456.0, 123456"})
    void floatsInGoShortestForm(float value, String expected) {
        assertThat(GoJsonWriter.number(F.numberNode(value))).isEqualTo(expected);
    }

    @Test
    void doublesAndBigIntegers() {
        assertThat(GoJsonWriter.number(F.numberNode(0.1d))).isEqualTo("0.1");
        assertThat(GoJsonWriter.number(F.numberNode(new java.math.BigInteger("18446744073709551615"))))
                .isEqualTo("18446744073709551615");
    }
}
