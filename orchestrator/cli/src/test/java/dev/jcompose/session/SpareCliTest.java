package dev.jcompose.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.cli.Main;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A CLI built ahead runs exactly one command, in the environment it is given then; each command gets its own. */
class SpareCliTest {
    private final List<String> log = new ArrayList<>();

    @Test
    void eachCommandGetsACliOfItsOwn() {
        SpareCli clis = new SpareCli(log::add);
        List<Main.Prepared> taken = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            taken.add(clis.take());
            clis.refill();
        }
        assertThat(taken).doesNotHaveDuplicates();
        assertThat(log).isEmpty();
    }

    @Test
    void aPreparedCliRunsOneCommandInTheEnvironmentItIsGiven() {
        Main.Prepared cli = Main.Prepared.build();
        StringWriter out = new StringWriter();
        Main.Environment host = new Main.Environment(Map.of(), Path.of("/"), InputStream.nullInputStream());

        int code = cli.execute(new String[] {"version"}, new PrintWriter(out, true), new PrintWriter(out, true), host);

        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("jcompose version ");
        assertThatThrownBy(
                        () -> cli.execute(new String[] {"version"}, new PrintWriter(out), new PrintWriter(out), host))
                .isInstanceOf(IllegalStateException.class);
    }
}
