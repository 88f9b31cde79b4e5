package dev.jcompose.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TreeTextTest {
    @Test
    void rendersEveryKindCompactly() {
        Node n = new YamlReader().readOne("""
                a: text
                b: 1
                c: 1.5
                d: true
                e: null
                "odd key": "q\\"uote\\n"
                f: [x, !reset y, {}]
                g: !override {h: []}
                """, "t.yaml").orElseThrow();
        assertThat(TreeText.render(n))
                .isEqualTo("{a: \"text\", b: 1, c: 1.5, d: true, e: null,"
                        + " \"odd key\": \"q\\\"uote\\n\", f: [\"x\", !reset \"y\", {}], g: !override {h: []}}");
    }
}
