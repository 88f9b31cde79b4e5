package dev.jcompose.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.content.Digest;
import dev.jcompose.image.Descriptor;
import dev.jcompose.image.ImageConfig;
import dev.jcompose.image.MediaTypes;
import dev.jcompose.image.Platform;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageDraftTest {
    static final Digest L1 = Digest.parse("sha256:" + "1".repeat(64));
    static final Digest D1 = Digest.parse("sha256:" + "d".repeat(64));
    static final List<Descriptor> BASE_LAYERS = List.of(new Descriptor(MediaTypes.OCI_LAYER_GZIP, L1, 1234));

    /** A Docker-built base: legacy fields, an unknown field, OnBuild triggers, a healthcheck. */
    static final String BASE = """
            {"architecture":"amd64","os":"linux","created":"2023-02-03T04:05:06.123456789Z",
             "author":"someone","docker_version":"20.10.7","container":"abc",
             "container_config":{"Cmd":["/bin/sh","-c","#(nop) CMD"]},
             "os.features":["x"],
             "config":{"Hostname":"","User":"app","Env":["PATH=/usr/bin","LANG=C"],
               "Cmd":["sh"],"Image":"sha256:feed","ArgsEscaped":true,"WorkingDir":"/srv",
               "ExposedPorts":{"80/tcp":{}},"Volumes":{"/data":{}},"Labels":{"b":"2","a":"1"},
               "StopSignal":"SIGQUIT","OnBuild":["RUN echo hi"],"Shell":["/bin/bash","-c"],
               "Healthcheck":{"Test":["CMD-SHELL","true"],"Interval":30000000000,"Retries":3}},
             "rootfs":{"type":"layers","diff_ids":["%s"]},
             "history":[{"created":"2023-02-03T04:05:06Z","created_by":"ADD rootfs.tar /"},
                        {"created":"2023-02-03T04:05:07Z","created_by":"CMD [\\"sh\\"]","empty_layer":true}]}
            """.formatted(D1);

    static ImageDraft base() {
        return DraftJson.parse(BASE.getBytes(StandardCharsets.UTF_8), BASE_LAYERS, "base");
    }

    @Test
    void aBaseConfigIsReadWhole() {
        ImageDraft d = base();
        assertThat(d.platform()).isEqualTo(new Platform("linux", "amd64", ""));
        assertThat(d.created()).isEqualTo(Instant.parse("2023-02-03T04:05:06.123456789Z"));
        assertThat(d.user()).isEqualTo("app");
        assertThat(d.env()).containsExactly("PATH=/usr/bin", "LANG=C");
        assertThat(d.envValue("LANG")).isEqualTo("C");
        assertThat(d.entrypoint()).isNull();
        assertThat(d.cmd()).containsExactly("sh");
        assertThat(d.exposedPorts()).containsExactly("80/tcp");
        assertThat(d.volumes()).containsExactly("/data");
        assertThat(d.labels()).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("a", "1", "b", "2")));
        assertThat(d.stopSignal()).isEqualTo("SIGQUIT");
        assertThat(d.onBuild()).containsExactly("RUN echo hi");
        assertThat(d.shell()).containsExactly("/bin/bash", "-c");
        assertThat(d.healthcheck().interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.diffIds()).containsExactly(D1);
        assertThat(d.layers()).isEqualTo(BASE_LAYERS);
        assertThat(d.history()).hasSize(2);
        assertThat(d.history().get(1).emptyLayer()).isTrue();
    }

    @Test
    void writingKeepsUnknownFieldsDropsTheBaseBuildsOwnAndIsCanonical() {
        String json = new String(DraftJson.write(base()), StandardCharsets.UTF_8);
        assertThat(json)
                .startsWith("{\"architecture\":\"amd64\",\"author\":\"someone\",\"config\":{\"Cmd\":[\"sh\"],")
                .contains(
                        "\"Hostname\":\"\"",
                        "\"os.features\":[\"x\"]",
                        "\"Healthcheck\":{\"Interval\":30000000000,\"Retries\":3,\"Test\":[\"CMD-SHELL\",\"true\"]}",
                        "\"created\":\"2023-02-03T04:05:06.123456789Z\"",
                        "\"rootfs\":{\"diff_ids\":[\"" + D1 + "\"],\"type\":\"layers\"}")
                .doesNotContain("docker_version", "container", "ArgsEscaped", "sha256:feed");
        ImageDraft again = DraftJson.parse(json.getBytes(StandardCharsets.UTF_8), BASE_LAYERS, "again");
        assertThat(DraftJson.write(again)).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void stepsChangeACopyAndAppendHistory() {
        ImageDraft base = base();
        Instant t1 = Instant.parse("2024-01-01T00:00:00Z");
        Instant t2 = Instant.parse("2024-01-01T00:00:05Z");
        BuiltLayer layer = new BuiltLayer(Digest.parse("sha256:" + "2".repeat(64)), 2048);
        ImageDraft d = base.withEnv("LANG", "C.UTF-8")
                .withEnv("APP", "1")
                .withWorkingDir("/app")
                .withLabel("c", "3")
                .withExposedPort("8080/tcp")
                .withOnBuild(List.of())
                .withStep(new HistoryEntry(t1, "ENV LANG=C.UTF-8 APP=1", true))
                .withLayer(
                        layer,
                        new HistoryEntry(
                                t2,
                                HistoryEntry.run(
                                        List.of("/bin/sh", "-c", "make"),
                                        new java.util.LinkedHashMap<>(Map.of("V", "2"))),
                                false));

        assertThat(base.env()).containsExactly("PATH=/usr/bin", "LANG=C");
        assertThat(d.env()).containsExactly("PATH=/usr/bin", "LANG=C.UTF-8", "APP=1");
        assertThat(d.onBuild()).isEmpty();
        assertThat(d.diffIds()).containsExactly(D1, layer.digest());
        assertThat(d.layers()).containsExactly(BASE_LAYERS.get(0), layer.descriptor());
        assertThat(d.created()).isEqualTo(t2);
        assertThat(d.history().subList(2, 4))
                .containsExactly(
                        new HistoryEntry(t1, "ENV LANG=C.UTF-8 APP=1", true),
                        new HistoryEntry(t2, "RUN |1 V=2 /bin/sh -c make # buildkit", false));
        ImageConfig parsed = ImageConfig.parse(DraftJson.write(d), "draft");
        assertThat(parsed.workingDir()).isEqualTo("/app");
        assertThat(parsed.exposedPorts()).containsExactly("80/tcp", "8080/tcp");
        assertThat(parsed.diffIds()).containsExactly(D1, layer.digest());
        assertThat(d).isEqualTo(DraftJson.parse(DraftJson.write(d), d.layers(), "copy"));
    }

    @Test
    void scratchHasOnlyThePlatformAndAnEmptyRootfs() {
        ImageDraft d = ImageDraft.scratch(new Platform("linux", "arm64", ""));
        assertThat(new String(DraftJson.write(d), StandardCharsets.UTF_8))
                .isEqualTo("{\"architecture\":\"arm64\",\"config\":{},\"history\":[],\"os\":\"linux\","
                        + "\"rootfs\":{\"diff_ids\":[],\"type\":\"layers\"}}");
        assertThat(d.withCmd(List.of()).cmd()).isEmpty();
        assertThat(HistoryEntry.copy("COPY", List.of("app"), "/app")).isEqualTo("COPY app /app # buildkit");
    }
}
