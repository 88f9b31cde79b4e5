package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.content.Digest;
import dev.jcompose.host.HostPaths;
import dev.jcompose.image.ImagePuller;
import dev.jcompose.image.ImageRecord;
import dev.jcompose.image.ImageReference;
import dev.jcompose.image.ImageStore;
import dev.jcompose.image.Platform;
import dev.jcompose.image.PullListener;
import dev.jcompose.image.RegistryClient;
import dev.jcompose.image.RegistryConfig;
import dev.jcompose.image.testing.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code jcompose push} through the engine to a real registry (Debian's docker-registry) on 127.0.0.1:
 * the service that builds and names its image is pushed, the others are skipped, and what arrived
 * pulls back by digest.
 */
@Tag("root")
class PushRootTest {
    @Test
    void pushesTheBuiltServiceImageThroughTheEngineAndItPullsBackByDigest() throws Exception {
        assumeTrue(LocalRegistry.available(), "docker-registry is not installed (apt-get install docker-registry)");
        EngineSandbox.isolated(box -> {
            String project = box.track("push" + box.tag);
            try (LocalRegistry registry = LocalRegistry.start(box.dir.resolve("registry"))) {
                String ref = registry.host() + "/demo/app:1";
                box.cli(
                                "image",
                                "import",
                                "--change",
                                "CMD [\"echo\", \"pushed\"]",
                                box.dir.resolve("rootfs.tar").toString(),
                                ref)
                        .assertOk("image import");
                Files.writeString(
                        box.app().resolve("compose.yaml"),
                        "services:\n  app:\n    build: .\n    image: " + ref + "\n  db:\n    image: busybox:1.36\n");
                EngineSandbox.Run push =
                        box.cli("-p", project, "--progress", "plain", "push").assertOk("push");
                assertThat(push.err())
                        .contains(" db  Skipped", " Image " + ref + "  Pushing", " Image " + ref + "  Pushed")
                        .containsPattern(" [0-9a-f]{12}  Pushed");

                EngineSandbox.Run again = box.cli("-p", project, "--progress", "plain", "push", "app")
                        .assertOk("second push");
                assertThat(again.err()).containsPattern(" [0-9a-f]{12}  Layer already exists");

                assertThat(pulledBack(box.dir.resolve("pulled"), registry)
                                .config()
                                .cmd())
                        .containsExactly("echo", "pushed");
            }
        });
    }

    private static ImageRecord pulledBack(Path dir, LocalRegistry registry) {
        RegistryConfig c = RegistryConfig.defaults(Map.of("HOME", dir.toString()));
        RegistryClient client = new RegistryClient(
                ImagePuller.defaultHttpClient(c), registry.uri(), Optional.empty(), Duration.ofSeconds(30));
        Digest digest = Digest.sha256(client.manifest("demo/app", "1").bytes());
        ImageStore store = ImageStore.under(new HostPaths(dir.resolve("data"), dir.resolve("run")));
        return new ImagePuller(store, c, ImagePuller.defaultHttpClient(c))
                .pull(
                        ImageReference.parse(registry.host() + "/demo/app@" + digest),
                        Platform.host(),
                        PullListener.NONE);
    }
}
