package dev.jcompose.kube.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.kube.manifest.ManifestWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code convert --to k8s} of the samples against their goldens ({@code expected-k8s.yaml} and
 * {@code expected-k8s-warnings.txt} beside each compose file). {@code -Dgolden.update=true} rewrites
 * them from the current output, to review in the diff.
 */
class ConvertGoldenTest {
    static final List<String> SAMPLES = List.of("quickstart", "kubernetes");

    static List<String> samples() {
        return SAMPLES;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theManifestAndTheWarningsMatchTheGoldens(String sample) throws IOException {
        Conversion c = Samples.convert(sample, ConvertOptions.DEFAULTS);
        String yaml = new ManifestWriter().write(c.objects());
        String warnings = String.join("\n", c.warnings()).replace(Samples.dir(sample) + "/", "./") + "\n";
        compare(Samples.dir(sample).resolve("expected-k8s.yaml"), yaml);
        compare(Samples.dir(sample).resolve("expected-k8s-warnings.txt"), warnings);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theOutputIsTheSameEveryTime(String sample) {
        ManifestWriter w = new ManifestWriter();
        String first = w.write(Samples.convert(sample, ConvertOptions.DEFAULTS).objects());
        String second = w.write(Samples.convert(sample, ConvertOptions.DEFAULTS).objects());
        assertThat(second).isEqualTo(first);
    }

    private static void compare(Path golden, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual)
                .as("%s (rerun with -Dgolden.update=true to rewrite it, then review the diff)", golden)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
