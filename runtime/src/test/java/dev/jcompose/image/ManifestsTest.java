package dev.jcompose.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.content.Digest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestsTest {
    private static final String A = "sha256:" + "a".repeat(64);
    private static final String B = "sha256:" + "b".repeat(64);
    private static final String C = "sha256:" + "c".repeat(64);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsDockerSchema2Manifest() {
        String json = """
                {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",
                 "config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":7023,"digest":"%s"},
                 "layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":32654,"digest":"%s"},
                           {"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":16724,"digest":"%s"}]}
                """.formatted(A, B, C);
        Manifest m = (Manifest) Manifests.parse(utf8(json), "", "m");
        assertThat(m.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
        assertThat(m.config()).isEqualTo(new Descriptor(MediaTypes.DOCKER_CONFIG, Digest.parse(A), 7023));
        assertThat(m.layers()).extracting(Descriptor::digest).containsExactly(Digest.parse(B), Digest.parse(C));
        assertThat(m.layers()).extracting(Descriptor::size).containsExactly(32654L, 16724L);
    }

    @Test
    void readsOciManifestWithoutMediaTypeFieldFromContentType() {
        String json = """
                {"schemaVersion":2,"config":{"mediaType":"application/vnd.oci.image.config.v1+json","size":2,"digest":"%s"},"layers":[]}
                """.formatted(A);
        assertThat(Manifests.parse(utf8(json), "application/vnd.oci.image.manifest.v1+json; charset=utf-8", "m")
                        .mediaType())
                .isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(Manifests.parse(utf8(json), "", "m")).isInstanceOf(Manifest.class);
    }

    @Test
    void readsManifestListAndSelectsPlatform() {
        String json = """
                {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.list.v2+json","manifests":[
                  {"mediaType":"application/vnd.docker.distribution.manifest.v2+json","size":1,"digest":"%s","platform":{"architecture":"arm","os":"linux","variant":"v7"}},
                  {"mediaType":"application/vnd.docker.distribution.manifest.v2+json","size":2,"digest":"%s","platform":{"architecture":"arm64","os":"linux","variant":"v8"}},
                  {"mediaType":"application/vnd.docker.distribution.manifest.v2+json","size":3,"digest":"%s","platform":{"architecture":"amd64","os":"linux"}}]}
                """.formatted(A, B, C);
        ImageIndex idx = (ImageIndex) Manifests.parse(utf8(json), "", "index");
        assertThat(idx.platforms()).containsExactly("linux/arm/v7", "linux/arm64", "linux/amd64");
        assertThat(idx.select(Platform.parse("linux/amd64")).orElseThrow().digest())
                .hasToString(C);
        assertThat(idx.select(Platform.parse("linux/arm64/v8")).orElseThrow().digest())
                .hasToString(B);
        assertThat(idx.select(Platform.parse("linux/aarch64")).orElseThrow().digest())
                .hasToString(B);
        assertThat(idx.select(Platform.parse("linux/arm")).orElseThrow().digest())
                .hasToString(A);
        assertThat(idx.select(Platform.parse("linux/arm/v6"))).isEmpty();
        assertThat(idx.select(Platform.parse("windows/amd64"))).isEmpty();
    }

    @Test
    void rejectsSchema1ArtifactsAndBrokenJson() {
        assertThatThrownBy(() -> Manifests.parse(utf8("{\"schemaVersion\":1,\"name\":\"x\"}"), "", "manifest of x"))
                .hasMessage("manifest of x uses Docker image manifest schema 1, which jcompose does not support");
        assertThatThrownBy(() -> Manifests.parse(
                        utf8("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.cncf.helm.config\"}"), "", "m"))
                .hasMessage("m has unsupported media type \"application/vnd.cncf.helm.config\"");
        assertThatThrownBy(() -> Manifests.parse(
                        utf8("{\"schemaVersion\":2,\"config\":{\"digest\":\"sha256:12\",\"size\":1}}"), "", "m"))
                .hasMessage("m config: invalid digest \"sha256:12\": the sha256 value must be 64 lowercase hex digits");
        assertThatThrownBy(() -> Manifests.parse(utf8("{not json"), "", "m"))
                .hasMessageStartingWith("m is not valid JSON: ");
        assertThatThrownBy(() -> Manifests.parse(
                        utf8("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\"}"), "", "m"))
                .hasMessage("m has no config descriptor");
    }

    @Test
    void writesCanonicalJsonThatReadsBack() {
        Manifest m = new Manifest(
                MediaTypes.OCI_MANIFEST,
                new Descriptor(MediaTypes.OCI_CONFIG, Digest.parse(A), 10),
                List.of(new Descriptor(MediaTypes.OCI_LAYER_GZIP, Digest.parse(B), 20)));
        String json = new String(Manifests.write(m), StandardCharsets.UTF_8);
        assertThat(json)
                .isEqualTo("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                        + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + A
                        + "\",\"size\":10},"
                        + "\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + B
                        + "\",\"size\":20}]}");
        assertThat(Manifests.parse(Manifests.write(m), "", "m")).isEqualTo(m);
    }

    @Test
    void readsImageConfig() {
        String json = """
                {"architecture":"arm64","variant":"v8","os":"linux","config":{
                  "User":"app","Env":["PATH=/bin","B=2","A=1"],"Entrypoint":["/entry.sh"],"Cmd":null,"WorkingDir":"/srv",
                  "ExposedPorts":{"8080/tcp":{},"53/udp":{}},"Volumes":{"/data":{},"/cache":{}},
                  "Labels":{"z":"last","a":"first"},"StopSignal":"SIGQUIT",
                  "Healthcheck":{"Test":["CMD-SHELL","wget -q localhost"],"Interval":30000000000,"Timeout":5000000000,"StartPeriod":1000000000,"Retries":3}},
                 "rootfs":{"type":"layers","diff_ids":["%s","%s"]}}
                """.formatted(A, B);
        ImageConfig c = ImageConfig.parse(utf8(json), "config");
        assertThat(c.platform()).hasToString("linux/arm64");
        assertThat(c.user()).isEqualTo("app");
        assertThat(c.env()).containsExactly("PATH=/bin", "B=2", "A=1");
        assertThat(c.entrypoint()).containsExactly("/entry.sh");
        assertThat(c.cmd()).isNull();
        assertThat(c.workingDir()).isEqualTo("/srv");
        assertThat(c.exposedPorts()).containsExactly("53/udp", "8080/tcp");
        assertThat(c.volumes()).containsExactly("/cache", "/data");
        assertThat(c.labels()).containsExactly(java.util.Map.entry("a", "first"), java.util.Map.entry("z", "last"));
        assertThat(c.stopSignal()).isEqualTo("SIGQUIT");
        assertThat(c.healthcheck())
                .isEqualTo(new ImageConfig.Healthcheck(
                        List.of("CMD-SHELL", "wget -q localhost"),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(1),
                        Duration.ZERO,
                        3));
        assertThat(c.diffIds()).extracting(Digest::toString).containsExactly(A, B);
    }

    @Test
    void minimalConfigHasDefaults() {
        ImageConfig c = ImageConfig.parse(utf8("{\"architecture\":\"amd64\",\"os\":\"linux\"}"), "config");
        assertThat(c.entrypoint()).isNull();
        assertThat(c.cmd()).isNull();
        assertThat(c.env()).isEmpty();
        assertThat(c.healthcheck()).isNull();
        assertThat(c.stopSignal()).isEmpty();
    }

    @Test
    void platformsParseAndNormalise() {
        assertThat(Platform.parse("linux/x86_64")).isEqualTo(new Platform("linux", "amd64", ""));
        assertThat(Platform.parse("Linux/ARM64/v8")).hasToString("linux/arm64");
        assertThat(Platform.parse("linux/arm/v7")).hasToString("linux/arm/v7");
        assertThatThrownBy(() -> Platform.parse("amd64"))
                .hasMessage("invalid platform \"amd64\": expected os/arch[/variant]");
        assertThatThrownBy(() -> Platform.parse("linux//v7")).isInstanceOf(ImageException.class);
    }
}
