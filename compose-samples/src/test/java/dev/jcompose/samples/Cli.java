package dev.jcompose.samples;

import dev.jcompose.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the jcompose CLI in-process with a fixed environment, as the samples' tests need. */
final class Cli {
    static final Path SAMPLES = Path.of("").toAbsolutePath();
    static final Path HOME = Path.of("/home/tester");

    record Run(int exit, String out, String err) {
        /** Output with the machine-specific sample directory replaced by {@code $SAMPLES}. */
        String outPortable() {
            return out.replace(SAMPLES.toString(), "$SAMPLES");
        }

        String errPortable() {
            return err.replace(SAMPLES.toString(), "$SAMPLES");
        }
    }

    private Cli() {}

    static Run run(Path workingDir, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(
                args,
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                new Main.Environment(env, workingDir, new ByteArrayInputStream(new byte[0])));
        return new Run(exit, out.toString(), err.toString());
    }

    static Run run(Path workingDir, String... args) {
        return run(workingDir, Map.of("HOME", HOME.toString()), args);
    }
}
