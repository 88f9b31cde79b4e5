package dev.jcompose.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizeContextTest {
    @ParameterizedTest
    @CsvSource({
        "./data,/work/proj/data",
        "data,/work/proj/data",
        "../x,/work/x",
        "~,/home/u",
        "~/a/../b,/home/u/b",
        "/abs/./p,/abs/./p",
        "~user/x,/work/proj/~user/x",
        ".,/work/proj",
    })
    void resolvesPathsAgainstProjectAndHome(String in, String out) {
        assertThat(new Fixture().context().resolvePath(in)).isEqualTo(out);
    }
}
