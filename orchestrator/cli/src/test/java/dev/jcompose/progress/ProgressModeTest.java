package dev.jcompose.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.console.AnsiMode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressModeTest {
    @ParameterizedTest
    @CsvSource({
        "auto,auto,true,TtyRenderer",
        "auto,auto,false,PlainRenderer",
        "auto,always,false,TtyRenderer",
        "auto,never,true,PlainRenderer",
        "tty,never,false,TtyRenderer",
        "plain,always,true,PlainRenderer",
        "json,auto,true,JsonRenderer",
        "quiet,auto,true,QuietRenderer",
        "PLAIN,auto,true,PlainRenderer",
    })
    void selectsRendererFromFlags(String progress, String ansi, boolean terminal, String renderer) {
        ProgressRenderers renderers = new ProgressRenderers(
                new PrintWriter(new StringWriter()), new FakeClock(), terminal, 0, "Running", false);
        assertThat(renderers
                        .select(ProgressMode.parse(progress), AnsiMode.parse(ansi))
                        .getClass()
                        .getSimpleName())
                .isEqualTo(renderer);
        assertThat(renderers.terminalWidth()).isEqualTo(80);
    }

    @Test
    void rejectsUnknownValues() {
        assertThatThrownBy(() -> ProgressMode.parse("fancy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported --progress value 'fancy': expected one of auto, tty, plain, json, quiet");
        assertThatThrownBy(() -> AnsiMode.parse("sometimes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported --ansi value 'sometimes': expected one of never, always, auto");
    }
}
