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

class ExtendsResolverTest {
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
    void sameFileShortForm() {
        fx.write("compose.yaml", """
                services:
                  base: {image: busybox, environment: [A=1], ports: ["80:80"]}
                  web:
                    extends: base
                    environment: {B: 2}
                    ports: ["81:81"]
                """);
        assertThat(load())
                .isEqualTo("{services: {base: {image: \"busybox\", environment: [\"A=1\"], ports: [\"80:80\"]},"
                        + " web: {image: \"busybox\", environment: {A: \"1\", B: 2}, ports: [\"80:80\", \"81:81\"]}}}");
    }

    @Test
    void chainsResolveInOrderWhateverTheDeclarationOrder() {
        fx.write("compose.yaml", """
                services:
                  c: {extends: {service: b}, command: [c]}
                  b: {extends: a, user: b}
                  a: {image: a, user: a, command: [a]}
                """);
        assertThat(load())
                .isEqualTo(
                        "{services: {c: {image: \"a\", user: \"b\", command: [\"c\"]},"
                                + " b: {image: \"a\", user: \"b\", command: [\"a\"]}, a: {image: \"a\", user: \"a\", command: [\"a\"]}}}");
    }

    @Test
    void dependsOnAndVolumesFromAreInheritedAndMerged() {
        fx.write("compose.yaml", """
                services:
                  db: {image: db}
                  cache: {image: cache}
                  data: {image: data}
                  base: {image: b, depends_on: [db], volumes_from: [data]}
                  web: {extends: base, depends_on: {cache: {condition: service_healthy}}}
                """);
        assertThat(load())
                .contains("web: {image: \"b\", depends_on: {db: null, cache: {condition: \"service_healthy\"}},"
                        + " volumes_from: [\"data\"]}");
    }

    @Test
    void baseFromAnotherFileHasItsPathsRebased() {
        fx.write("common/services.yaml", """
                services:
                  app:
                    build: .
                    env_file: [app.env, {path: /etc/abs.env}]
                    volumes: ["./data:/data", "named:/named", "~/home:/home", {type: bind, source: ../shared, target: /shared}]
                """);
        fx.write("compose.yaml", """
                services:
                  web:
                    extends: {file: common/services.yaml, service: app}
                    volumes: ["./local:/local"]
                """);
        assertThat(load())
                .isEqualTo("{services: {web: {build: \"$ROOT/common\","
                        + " env_file: [\"$ROOT/common/app.env\", {path: \"/etc/abs.env\"}],"
                        + " volumes: [\"$ROOT/common/data:/data\", \"named:/named\", \"~/home:/home\","
                        + " {type: \"bind\", source: \"$ROOT/shared\", target: \"/shared\"}, \"./local:/local\"]}}}");
    }

    @Test
    void buildMappingContextIsRebasedButRemoteContextsAreNot() {
        fx.write("lib/base.yaml", """
                services:
                  a: {build: {context: ctx, additional_contexts: {x: ../x, img: "docker-image://alpine"}}}
                  b: {build: {context: "https://github.com/org/repo.git"}}
                """);
        fx.write("compose.yaml", """
                services:
                  a: {extends: {file: lib/base.yaml, service: a}}
                  b: {extends: {file: lib/base.yaml, service: b}}
                """);
        assertThat(load())
                .isEqualTo("{services: {a: {build: {context: \"$ROOT/lib/ctx\", additional_contexts:"
                        + " {x: \"$ROOT/x\", img: \"docker-image://alpine\"}}}, b: {build: {context:"
                        + " \"https://github.com/org/repo.git\"}}}}");
    }

    @Test
    void nestedFileExtendsIsRelativeToTheBaseFile() {
        fx.write("lib/mid.yaml", "services: {mid: {extends: {file: deep/root.yaml, service: root}, user: mid}}");
        fx.write("lib/deep/root.yaml", "services: {root: {image: r, build: ./src, user: root}}");
        fx.write("compose.yaml", "services: {web: {extends: {file: lib/mid.yaml, service: mid}}}");
        assertThat(load()).isEqualTo("{services: {web: {image: \"r\", build: \"$ROOT/lib/deep/src\", user: \"mid\"}}}");
    }

    @Test
    void extendsFileIsInterpolatedWithTheProjectEnvironment() {
        fx.write("base.yaml", "services: {app: {image: \"app:${TAG}\"}}");
        fx.write("compose.yaml", "services: {web: {extends: {file: base.yaml, service: app}}}");
        assertThat(fx.render(fx.load(fx.options().withProcessEnv(Map.of("TAG", "7")))))
                .isEqualTo("{services: {web: {image: \"app:7\"}}}");
    }

    @Test
    void resetInTheExtendingServiceRemovesInheritedAndEarlierValues() {
        fx.write("compose.yaml", """
                services:
                  base: {image: b, ports: ["80:80"], dns: [1.1.1.1]}
                  web: {image: w, ports: ["90:90"]}
                """);
        fx.write("compose.override.yaml", """
                services:
                  base2: {image: b2, ports: ["81:81"]}
                  web:
                    extends: base2
                    ports: !reset []
                """);
        assertThat(load())
                .isEqualTo("{services: {base: {image: \"b\", ports: [\"80:80\"], dns: [\"1.1.1.1\"]},"
                        + " web: {image: \"b2\"}, base2: {image: \"b2\", ports: [\"81:81\"]}}}");
    }

    @Test
    void overrideInTheExtendingServiceReplaces() {
        fx.write("compose.yaml", """
                services:
                  base: {image: b, environment: {A: 1, B: 2}}
                  web: {extends: base, environment: !override {C: 3}}
                """);
        assertThat(load()).contains("web: {image: \"b\", environment: {C: 3}}");
    }

    @Test
    void cycleNamesTheChainInOrder() {
        Path f = fx.write("compose.yaml", """
                services:
                  a: {extends: b}
                  b: {extends: c}
                  c: {extends: a}
                """);
        assertThatThrownBy(this::load)
                .isInstanceOf(ComposeFileException.class)
                .hasMessage(f + ":4:16: services.c.extends: circular extends: a in " + f + " -> b in " + f + " -> c in "
                        + f + " -> a in " + f);
    }

    @Test
    void selfExtension() {
        Path f = fx.write("compose.yaml", "services:\n  a:\n    extends: a\n");
        assertThatThrownBy(this::load)
                .hasMessage(f + ":3:14: services.a.extends: circular extends: a in " + f + " -> a in " + f);
    }

    @Test
    void cycleAcrossFiles() {
        Path main = fx.write("compose.yaml", "services:\n  a:\n    extends: {file: other.yaml, service: b}\n");
        Path other = fx.write("other.yaml", "services:\n  b:\n    extends: {file: compose.yaml, service: a}\n");
        assertThatThrownBy(this::load)
                .hasMessage(other + ":3:14: services.b.extends: circular extends: a in " + main + " -> b in " + other
                        + " -> a in " + main);
    }

    @Test
    void missingServiceInTheSameFile() {
        Path f = fx.write("compose.yaml", "services:\n  web:\n    extends: nope\n");
        assertThatThrownBy(this::load)
                .isInstanceOf(ComposeFileException.class)
                .hasMessage(
                        f + ":3:14: services.web.extends: cannot extend service \"web\": service \"nope\" not found in "
                                + f);
    }

    @Test
    void missingServiceInAnotherFile() {
        Path f = fx.write(
                "compose.yaml", "services:\n  web:\n    extends:\n      file: other.yaml\n      service: nope\n");
        Path other = fx.write("other.yaml", "services: {x: {image: x}}");
        assertThatThrownBy(this::load)
                .hasMessage(
                        f + ":5:16: services.web.extends: cannot extend service \"web\": service \"nope\" not found in "
                                + other);
    }

    @Test
    void missingFile() {
        Path f = fx.write("compose.yaml", "services:\n  web:\n    extends: {service: a, file: gone.yaml}\n");
        assertThatThrownBy(this::load)
                .isInstanceOf(ComposeFileException.class)
                .hasMessage(f + ":3:33: services.web.extends: cannot extend service \"web\": file gone.yaml not found ("
                        + fx.abs("gone.yaml") + ")")
                .extracting(e -> ((JcomposeException) e).exitCode())
                .isEqualTo(ExitCode.FILE_NOT_FOUND);
    }

    @Test
    void extendsMustNameAService() {
        Path f = fx.write("compose.yaml", "services:\n  web:\n    extends: [a]\n");
        assertThatThrownBy(this::load).hasMessage(f + ":3:14: services.web.extends: extends needs a service name");
    }

    @Test
    void overlyLongChainsAreRejected() {
        // declared base-last, so resolving s70 really recurses through the whole chain
        StringBuilder sb = new StringBuilder("services:\n");
        for (int i = 70; i >= 1; i--) {
            sb.append("  s").append(i).append(": {extends: s").append(i - 1).append("}\n");
        }
        sb.append("  s0: {image: x}\n");
        Path f = fx.write("compose.yaml", sb.toString());
        assertThatThrownBy(this::load)
                .hasMessage(f + ":66:17: services.s6.extends: extends chain longer than 64 services");
    }

    @Test
    void chainsUpToTheLimitResolve() {
        StringBuilder sb = new StringBuilder("services:\n  s0: {image: x}\n");
        for (int i = 1; i <= 60; i++) {
            sb.append("  s").append(i).append(": {extends: s").append(i - 1).append("}\n");
        }
        fx.write("compose.yaml", sb.toString());
        assertThat(load()).contains("s60: {image: \"x\"}");
    }
}
