package dev.jcompose.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.image.ImageRecord;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The step cache on the real runtime: an unchanged rebuild is all cached and gives the same image id;
 * a changed file rebuilds from the first step that reads it; {@code --no-cache} runs everything; a
 * cache mount keeps its content between builds; ADD unpacks a local archive; a secret is mounted
 * for one RUN and is not in the image.
 */
@Tag("root")
class BuildCacheRootTest {
    private static final String DOCKERFILE = """
            FROM busybox:test
            RUN echo base > /base
            COPY a.txt /a.txt
            RUN cat /a.txt > /a-copy
            COPY b.txt /b.txt
            RUN --mount=type=cache,target=/cache echo run >> /cache/runs && wc -l < /cache/runs > /runs-seen
            """;

    @Test
    void rebuildsFromTheFirstStepThatReadsAChangedFile() throws Exception {
        try (BuildFixture fx = new BuildFixture()) {
            Path ctx = fx.context("cache", Map.of("Dockerfile", DOCKERFILE, "a.txt", "a1\n", "b.txt", "b1\n"));
            BuildRequest req = fx.request(ctx, "cache:test", Map.of(), null, false);

            BuildResult first = fx.build(req);
            assertThat(first.steps()).isEqualTo(5);
            assertThat(first.cached()).isZero();

            BuildResult again = fx.build(req);
            assertThat(again.cached()).isEqualTo(5);
            assertThat(again.image().id()).isEqualTo(first.image().id());

            Files.writeString(ctx.resolve("b.txt"), "b2\n");
            BuildResult changed = fx.build(req);
            assertThat(changed.cached()).as("base RUN, COPY a, RUN cat a").isEqualTo(3);
            assertThat(fx.read("cache:test", "/b.txt")).isEqualTo("b2\n");
            // the cache mount kept the first build's line: this RUN ran a second time
            assertThat(fx.read("cache:test", "/runs-seen")).isEqualTo("2\n");

            BuildResult fresh = fx.build(fx.request(ctx, "cache:test", Map.of(), null, true));
            assertThat(fresh.cached()).isZero();
            assertThat(fx.read("cache:test", "/runs-seen")).isEqualTo("3\n");
        }
    }

    @Test
    void addUnpacksALocalArchiveAndSecretsStayOutOfTheImage() throws Exception {
        try (BuildFixture fx = new BuildFixture()) {
            Path ctx = fx.context("add", Map.of("Dockerfile", """
                    FROM busybox:test
                    ADD files.tar.gz /opt/
                    RUN --mount=type=secret,id=token cat /run/secrets/token > /seen-token-length && wc -c < /run/secrets/token > /seen-token-length
                    """));
            try (OutputStream out = Files.newOutputStream(ctx.resolve("files.tar.gz"));
                    TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
                byte[] data = "inside\n".getBytes();
                TarArchiveEntry e = new TarArchiveEntry("pkg/inside.txt");
                e.setSize(data.length);
                tar.putArchiveEntry(e);
                tar.write(data);
                tar.closeArchiveEntry();
            }
            Path secret = Files.writeString(fx.dir.resolve("token"), "abcdef");
            BuildRequest base = fx.request(ctx, "add:test", Map.of(), null, false);
            BuildRequest req = new BuildRequest(
                    base.context(),
                    base.dockerfile(),
                    null,
                    base.args(),
                    null,
                    base.labels(),
                    "none",
                    new TreeMap<>(Map.of("token", secret)),
                    base.additionalContexts(),
                    false,
                    false,
                    List.of("add:test"),
                    0,
                    List.of());
            ImageRecord image = fx.build(req).image();
            assertThat(image.name()).endsWith("add:test");
            assertThat(fx.read("add:test", "/opt/pkg/inside.txt")).isEqualTo("inside\n");
            assertThat(fx.read("add:test", "/seen-token-length").strip()).isEqualTo("6");
            assertThat(fx.exists("add:test", "/run/secrets/token")).isFalse();
        }
    }
}
