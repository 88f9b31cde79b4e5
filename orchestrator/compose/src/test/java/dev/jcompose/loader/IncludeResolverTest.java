package dev.jcompose.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.yaml.ComposeFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludeResolverTest {
    @TempDir
    Path tmp;

    LoaderFixture fx;

    @BeforeEach
    void setUp() {
        fx = new LoaderFixture(tmp);
    }

    private String load() {
        return fx.render(fx.load(fx.options()));
    }

    @Test
    void shortFormImportsResourcesWithTheirOwnPaths() {
        fx.write("sub/compose.yaml", """
                services:
                  api: {build: ., volumes: ["./data:/data"], env_file: api.env}
                networks: {backend: {}}
                volumes: {apidata: {}}
                """);
        fx.write("compose.yaml", """
                include:
                  - sub/compose.yaml
                services:
                  web: {image: nginx, depends_on: [api], build: ./web}
                """);
        assertThat(load())
                .isEqualTo("{services: {web: {image: \"nginx\", depends_on: [\"api\"], build: \"./web\"},"
                        + " api: {build: \"$ROOT/sub\", volumes: [\"$ROOT/sub/data:/data\"], env_file: \"$ROOT/sub/api.env\"}},"
                        + " volumes: {apidata: {}}, networks: {backend: {}}}");
    }

    @Test
    void includedProjectUsesItsOwnDotEnv() {
        fx.write("sub/.env", "TAG=sub\nONLY_SUB=x\n");
        fx.write("sub/compose.yaml", "services: {api: {image: \"api:${TAG}\", user: \"${ONLY_SUB}\"}}");
        fx.write(".env", "OTHER=main\n");
        fx.write("compose.yaml", "include: [sub/compose.yaml]\nservices: {web: {image: \"web:${TAG:-none}\"}}");
        assertThat(load())
                .isEqualTo("{services: {web: {image: \"web:none\"}, api: {image: \"api:sub\", user: \"x\"}}}");
    }

    @Test
    void includingProjectEnvironmentWins() {
        fx.write("sub/.env", "TAG=sub\n");
        fx.write("sub/compose.yaml", "services: {api: {image: \"api:${TAG}\"}}");
        fx.write(".env", "TAG=main\n");
        fx.write("compose.yaml", "include: [sub/compose.yaml]\n");
        assertThat(load()).isEqualTo("{services: {api: {image: \"api:main\"}}}");
        assertThat(fx.render(fx.load(fx.options().withProcessEnv(Map.of("TAG", "shell")))))
                .isEqualTo("{services: {api: {image: \"api:shell\"}}}");
    }

    @Test
    void longFormWithSeveralPathsProjectDirectoryAndEnvFile() {
        fx.write("lib/base.yaml", "services: {api: {image: \"api:${V}\", build: ctx, ports: [\"80:80\"]}}");
        fx.write("lib/more.yaml", "services: {api: {ports: [\"81:81\"]}}");
        fx.write("conf/lib.env", "V=3\n");
        fx.write("compose.yaml", """
                include:
                  - path: [lib/base.yaml, lib/more.yaml]
                    project_directory: proj
                    env_file: conf/lib.env
                """);
        assertThat(load())
                .isEqualTo("{services: {api: {image: \"api:3\", build: \"$ROOT/proj/ctx\","
                        + " ports: [\"80:80\", \"81:81\"]}}}");
    }

    @Test
    void nestedIncludesAreRelativeToEachIncludedProject() {
        fx.write("a/compose.yaml", "include: [b/compose.yaml]\nservices: {a: {build: .}}");
        fx.write("a/b/compose.yaml", "services: {b: {build: .}}");
        fx.write("compose.yaml", "include: [a/compose.yaml]");
        assertThat(load()).isEqualTo("{services: {a: {build: \"$ROOT/a\"}, b: {build: \"$ROOT/a/b\"}}}");
    }

    @Test
    void includedExtendsResolveInsideTheIncludedProject() {
        fx.write("sub/common.yaml", "services: {base: {image: b, build: .}}");
        fx.write("sub/compose.yaml", "services: {api: {extends: {file: common.yaml, service: base}}}");
        fx.write("compose.yaml", "include: [sub/compose.yaml]");
        assertThat(load()).isEqualTo("{services: {api: {image: \"b\", build: \"$ROOT/sub\"}}}");
    }

    @Test
    void conflictingDefinitionIsAnError() {
        Path sub = fx.write("sub/compose.yaml", "services:\n  web: {image: a}\n");
        Path main = fx.write("compose.yaml", "include: [sub/compose.yaml]\nservices:\n  web: {image: b}\n");
        assertThatThrownBy(this::load)
                .isInstanceOf(ComposeFileException.class)
                .hasMessage(main + ":3:3: services.web: conflicts with imported resource defined at " + sub + ":2:3");
    }

    @Test
    void conflictingNetworkIsAnError() {
        Path sub = fx.write("sub/compose.yaml", "networks:\n  net: {driver: bridge}\n");
        Path main = fx.write("compose.yaml", "include: [sub/compose.yaml]\nnetworks:\n  net: {internal: true}\n");
        assertThatThrownBy(this::load)
                .hasMessage(main + ":3:3: networks.net: conflicts with imported resource defined at " + sub + ":2:3");
    }

    @Test
    void identicalDefinitionIsAccepted() {
        fx.write("sub/compose.yaml", "services: {web: {image: a}}\nvolumes: {v: {driver: local}}");
        fx.write(
                "compose.yaml",
                "include: [sub/compose.yaml]\nservices:\n  web:\n    image: a\nvolumes: {v: {driver: local}}");
        assertThat(load()).isEqualTo("{services: {web: {image: \"a\"}}, volumes: {v: {driver: \"local\"}}}");
    }

    @Test
    void laterFilesOverrideIncludedServices() {
        fx.write("sub/compose.yaml", "services: {api: {image: a, dns: [x]}}");
        fx.write("compose.yaml", "include: [sub/compose.yaml]");
        fx.write("compose.override.yaml", "services: {api: {image: b, dns: [y]}}");
        assertThat(load()).isEqualTo("{services: {api: {image: \"b\", dns: [\"x\", \"y\"]}}}");
    }

    @Test
    void includeCycleIsDetected() {
        Path main = fx.write("compose.yaml", "include: [a.yaml]\n");
        Path a = fx.write("a.yaml", "include: [b.yaml]\n");
        Path b = fx.write("b.yaml", "include:\n  - compose.yaml\n");
        assertThatThrownBy(this::load)
                .isInstanceOf(ComposeFileException.class)
                .hasMessage(b + ":2:5: include[0]: include cycle detected: " + main + " -> " + a + " -> " + b + " -> "
                        + main);
    }

    @Test
    void missingIncludedFile() {
        Path main = fx.write("compose.yaml", "include:\n  - path: gone.yaml\n");
        assertThatThrownBy(this::load)
                .isInstanceOf(ComposeFileException.class)
                .hasMessage(main + ":2:11: include[0]: included file " + fx.abs("gone.yaml") + " not found")
                .extracting(e -> ((JcomposeException) e).exitCode())
                .isEqualTo(ExitCode.FILE_NOT_FOUND);
    }

    @Test
    void missingEnvFile() {
        fx.write("sub/compose.yaml", "services: {a: {image: a}}");
        Path main = fx.write("compose.yaml", "include:\n  - path: sub/compose.yaml\n    env_file: nope.env\n");
        assertThatThrownBy(this::load)
                .hasMessage(main + ":3:15: include[0].env_file: env file " + fx.abs("nope.env") + " not found");
    }

    @Test
    void includeMustBeAList() {
        Path main = fx.write("compose.yaml", "include: sub/compose.yaml\n");
        assertThatThrownBy(this::load).hasMessage(main + ":1:10: include: must be a list, not a string");
    }
}
