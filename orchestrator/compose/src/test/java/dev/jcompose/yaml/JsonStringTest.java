package dev.jcompose.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonStringTest {
    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(JsonString.quote("a\"b\\c\nd\re\tf\bg\fh\u0001i"))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0001i\"");
    }

    @Test
    void htmlCharactersAreEscapedOnlyTheGoWay() {
        StringBuilder go = new StringBuilder();
        JsonString.quote("<a & b>\u2028", true, go);
        assertThat(go).hasToString("\"\\u003ca \\u0026 b\\u003e\\u2028\"");
        assertThat(JsonString.quote("<a & b>")).isEqualTo("\"<a & b>\"");
    }
}
