package dev.jcompose.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.JcomposeException;
import dev.jcompose.model.ModelJson;
import dev.jcompose.model.Project;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigRendererTest {
    private final ConfigRenderer renderer = new ConfigRenderer(true);

    static String resource(String name) {
        try (InputStream in = ConfigRendererTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Project rich() {
        return ModelJson.read(resource("/model/rich.json"));
    }

    /** Compares with a golden file; set -Dgolden.update=true to rewrite them after a reviewed change. */
    static void assertGolden(String actual, String name) {
        if (Boolean.getBoolean("golden.update")) {
            try {
                Files.writeString(Path.of("src/test/resources/config", name), actual);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(actual).isEqualTo(resource("/config/" + name));
    }

    @Test
    void jsonMatchesGolden() {
        assertGolden(renderer.json(rich()), "rich.json");
    }

    @Test
    void yamlMatchesGolden() {
        assertGolden(renderer.yaml(rich()), "rich.yaml");
    }

    @Test
    void jsonDropsServiceExtensionsLikeCompose() {
        String json = renderer.json(rich());
        assertThat(json).doesNotContain("x-shop-owner").contains("\"x-shop-version\": 3");
        assertThat(json).doesNotEndWith("\n");
        assertThat(renderer.yaml(rich()))
                .contains("    x-shop-owner: team-web\n")
                .endsWith("x-shop-version: 3\n");
    }

    @Test
    void dollarsAreDoubledUnlessNotInterpolated() {
        Project p = ModelJson.read("{\"name\": \"d\", \"services\": {\"a\": {\"image\": \"x\", "
                + "\"command\": [\"echo\", \"$HOME\"]}}}");
        assertThat(renderer.json(p)).contains("\"$$HOME\"");
        assertThat(renderer.yaml(p)).contains("- $$HOME");
        assertThat(new ConfigRenderer(false).json(p)).contains("\"$HOME\"");
    }

    @Test
    void yamlOmitsNilCommandsAndZeroStructsButKeepsEmptyCommands() {
        String yaml = renderer.yaml(rich());
        assertThat(yaml)
                .doesNotContain("command: null")
                .doesNotContain("ipam: {}")
                .doesNotContain("placement")
                .contains("    entrypoint: []\n");
        String json = renderer.json(rich());
        assertThat(json).contains("\"command\": null").contains("\"ipam\": {}").contains("\"placement\": {}");
    }

    @Test
    void yamlQuotesStringsThatWouldReadAsOtherTypes() {
        assertThat(YamlRenderer.readsAsOtherType("8080")).isTrue();
        assertThat(YamlRenderer.readsAsOtherType("yes")).isTrue();
        assertThat(YamlRenderer.readsAsOtherType("off")).isTrue();
        assertThat(YamlRenderer.readsAsOtherType("")).isTrue();
        assertThat(YamlRenderer.readsAsOtherType("1.5")).isTrue();
        assertThat(YamlRenderer.readsAsOtherType("0x1F")).isTrue();
        assertThat(YamlRenderer.readsAsOtherType("2024-01-02")).isTrue();
        assertThat(YamlRenderer.readsAsOtherType("null")).isTrue();
        assertThat(YamlRenderer.readsAsOtherType("nginx")).isFalse();
        assertThat(YamlRenderer.readsAsOtherType("1.2.3")).isFalse();
        assertThat(YamlRenderer.readsAsOtherType("10m")).isFalse();
    }

    @Test
    void yamlFloatsUseGoShortestG() {
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        assertThat(YamlRenderer.number(f.numberNode(2.0f))).isEqualTo("2");
        assertThat(YamlRenderer.number(f.numberNode(0.5f))).isEqualTo("0.5");
        assertThat(YamlRenderer.number(f.numberNode(1000000.0f))).isEqualTo("1e+06");
        assertThat(YamlRenderer.number(f.numberNode(0.00001f))).isEqualTo("1e-05");
        assertThat(YamlRenderer.number(f.numberNode(123456.0f))).isEqualTo("123456");
    }

    @Test
    void multiLineStringsBecomeLiteralBlocks() {
        Project p = ModelJson.read("{\"name\": \"m\", \"services\": {\"a\": {\"image\": \"x\", "
                + "\"command\": [\"sh\", \"-c\", \"echo one\\necho two\"]}}}");
        assertThat(renderer.yaml(p)).isEqualTo("""
                name: m
                services:
                  a:
                    command:
                      - sh
                      - -c
                      - |-
                        echo one
                        echo two
                    image: x
                """);
    }

    @Test
    void servicesListInDependencyOrder() {
        Project p = ModelJson.read("""
                {"name": "o", "services": {
                  "web": {"image": "x", "depends_on": {"api": {"condition": "service_started", "required": true}}},
                  "api": {"image": "x", "links": ["db"]},
                  "db": {"image": "x"},
                  "admin": {"image": "x", "network_mode": "service:web"}}}""");
        assertThat(renderer.services(p)).containsExactly("db", "api", "web", "admin");
    }

    @Test
    void listings() {
        Project p = rich();
        assertThat(renderer.volumes(p)).containsExactly("dbdata");
        assertThat(renderer.networks(p)).containsExactly("back", "default", "outside");
        assertThat(renderer.profiles(p)).containsExactly("frontend");
        assertThat(renderer.images(p)).containsExactly("postgres:16", "shop/web:1.2");
        Project built =
                ModelJson.read("{\"name\": \"proj\", \"services\": {\"app\": {\"build\": {\"context\": \"/src\"}}}}");
        assertThat(renderer.images(built)).containsExactly("proj-app");
    }

    @Test
    void hashLinesSortedByService() {
        Project p = rich();
        assertThat(renderer.hashes(p, "*"))
                .containsExactly(
                        "db " + ServiceHash.of(p.services().get("db")),
                        "web " + ServiceHash.of(p.services().get("web")));
        assertThat(renderer.hashes(p, "web,db")).isEqualTo(renderer.hashes(p, "*"));
        assertThat(renderer.hashes(p, "web")).hasSize(1).allMatch(l -> l.matches("web [0-9a-f]{64}"));
        assertThatThrownBy(() -> renderer.hashes(p, "web,nope"))
                .isInstanceOf(JcomposeException.class)
                .hasMessage("no such service: nope");
    }
}
