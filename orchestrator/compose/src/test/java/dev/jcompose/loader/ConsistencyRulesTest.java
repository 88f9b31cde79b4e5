package dev.jcompose.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.yaml.ComposeFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** compose-go's consistency rules that jcompose lacked, with compose-go's messages. */
class ConsistencyRulesTest {
    @TempDir
    Path tmp;

    String error(String yaml) {
        ConfigRun run = new ConfigRun(tmp.resolve("proj"));
        run.write("compose.yaml", yaml);
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(run::config).isInstanceOf(ComposeFileException.class).satisfies(t -> caught[0] = t);
        String m = caught[0].getMessage();
        return m.substring(m.indexOf("compose.yaml:") + "compose.yaml:".length());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " => ",
            value = {
                "'services: {a: {image: x, build: {context: ., additional_contexts: {dep: \"service:nope\"}}}}'"
                        + " => 1:73: services.a.build.additional_contexts.dep: service \"a\" declares unknown service \"nope\" as additional contexts dep",
                "'services: {a: {image: x, build: {context: ., additional_contexts: [\"dep=service:b\"]}}, b: {image: y}}'"
                        + " => 1:68: services.a.build.additional_contexts.dep: service \"a\" declares non-buildable service \"b\" as additional contexts dep",
                "'services: {a: {image: x, platform: linux/arm64, build: {context: ., platforms: [linux/amd64]}}}'"
                        + " => 1:36: services.a.platform: service.build.platforms MUST include service.platform \"linux/arm64\": invalid compose project",
                "'services: {a: {image: x, models: [llm]}}'"
                        + " => 1:35: services.a.models.llm: service \"a\" refers to undefined model llm: invalid compose project",
                "'services: {a: {image: x, develop: {watch: [{path: ./src, action: sync}]}}}'"
                        + " => 1:44: services.a.develop.watch[0]: services.a.develop.watch: target is required for non-rebuild actions: invalid compose project",
                "'services: {a: {image: x, tmpfs: [/run, \"/run:size=1m\"]}}'"
                        + " => 1:33: services.a.tmpfs[1]: target /run already mounted as services.a.tmpfs[0]",
                "'services: {a: {image: x, tmpfs: [/data], volumes: [\"./d:/data\"]}}'"
                        + " => 1:52: services.a.volumes[0]: target /data already mounted as services.a.tmpfs[0]",
                "'services: {a: {image: x, volumes: [\"./d:/data\", \"v:/data/\"]}}\nvolumes: {v: {}}'"
                        + " => 1:49: services.a.volumes[1]: target /data already mounted as services.a.volumes[0]",
                "'services: {a: {image: x, log_driver: syslog}}'"
                        + " => 1:26: services.a: additional property 'log_driver' is not allowed",
            })
    void refused(String yaml, String message) {
        assertThat(error(yaml)).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " => ",
            value = {
                "'services: {a: {image: x, build: {context: ., additional_contexts: {dep: \"service:b\"}}}, b: {image: y, build: ./b}}' => a",
                "'services: {a: {image: x, platform: linux/amd64, build: {context: ., platforms: [linux/amd64]}}}' => a",
                "'services: {a: {image: x, models: [llm]}}\nmodels: {llm: {model: ai/smollm2}}' => a",
                "'services: {a: {image: x, develop: {watch: [{path: ./src, action: rebuild}]}}}' => a",
                "'services: {a: {image: x, privileged: yes, read_only: off, dns: \"${UNSET}\"}}' => a",
            })
    void accepted(String yaml, String service) {
        ConfigRun run = new ConfigRun(tmp.resolve("proj"));
        run.write("compose.yaml", yaml);
        assertThat(run.config()).contains("\"" + service + "\"").doesNotContain("\"dns\"");
    }
}
