package dev.jcompose.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.content.Digest;
import dev.jcompose.host.HostPaths;
import dev.jcompose.image.testing.LocalRegistry;
import dev.jcompose.image.testing.TestImage;
import dev.jcompose.image.testing.TestImages;
import dev.jcompose.image.testing.TestIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls from a real distribution registry (Debian's docker-registry) on 127.0.0.1. */
@Tag("host")
class LocalRegistryPullTest {
    private static final Platform AMD64 = Platform.parse("linux/amd64");

    @TempDir
    Path tmp;

    @BeforeEach
    void needsBinaries() {
        assumeTrue(LocalRegistry.available(), "docker-registry is not installed (apt-get install docker-registry)");
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
    }

    private ImageStore store(String name) {
        return ImageStore.under(new HostPaths(tmp.resolve(name), tmp.resolve(name + "-run")));
    }

    private RegistryConfig config(Path dockerConfig) {
        return RegistryConfig.defaults(Map.of("HOME", tmp.toString())).withDockerConfig(dockerConfig);
    }

    private static ImageRecord pull(ImageStore store, RegistryConfig c, String ref, Platform p) {
        return new ImagePuller(store, c, ImagePuller.defaultHttpClient(c))
                .pull(ImageReference.parse(ref), p, PullListener.NONE);
    }

    @Test
    void pullsAPushedImageAndRemovesItWithoutOrphans() throws Exception {
        TestImage image = TestImages.busybox()
                .entrypoint("/bin/sh", "-c")
                .cmd("echo hi")
                .user("app")
                .build();
        try (LocalRegistry registry = LocalRegistry.start(tmp.resolve("registry"))) {
            registry.push("tools/busybox", "1.36", image);
            ImageStore store = store("plain");
            ImageRecord r = pull(store, config(null), registry.host() + "/tools/busybox:1.36", AMD64);
            assertThat(r.manifestDigest()).isEqualTo(image.manifestDigest());
            assertThat(r.config().user()).isEqualTo("app");
            for (LayerBlob l : store.layers(r)) {
                assertThat(Digest.sha256(Files.readAllBytes(l.path()))).isEqualTo(l.digest());
                assertThat(l.diffId()).isEqualTo(image.diffId());
            }
            assertThat(store.content().list())
                    .containsExactlyInAnyOrderElementsOf(image.blobs().keySet());
            assertThat(store.remove(registry.host() + "/tools/busybox:1.36")).hasSize(3);
            assertThat(store.content().list()).isEmpty();
        }
    }

    @Test
    void pullsBehindHtpasswdWithConfigJsonCredentials() throws Exception {
        TestImage image = TestImages.busybox().build();
        Credentials creds = new Credentials("ci", "hunter2");
        try (LocalRegistry registry = LocalRegistry.start(tmp.resolve("registry"), creds)) {
            registry.push("private/app", "1", image);
            ImageStore store = store("auth");
            assertThatThrownBy(() ->
                            pull(store, config(tmp.resolve("none.json")), registry.host() + "/private/app:1", AMD64))
                    .isInstanceOf(RegistryException.class)
                    .hasMessage("http://" + registry.host() + " requires a login for /v2/private/app/manifests/1");
            Path dockerConfig = tmp.resolve("config.json");
            Files.writeString(
                    dockerConfig,
                    "{\"auths\":{\"http://" + registry.host() + "\":{\"auth\":\""
                            + Base64.getEncoder().encodeToString("ci:hunter2".getBytes()) + "\"}}}");
            ImageRecord r = pull(store, config(dockerConfig), registry.host() + "/private/app:1", AMD64);
            assertThat(r.manifestDigest()).isEqualTo(image.manifestDigest());
            Files.writeString(
                    dockerConfig,
                    "{\"auths\":{\"" + registry.host() + "\":{\"username\":\"ci\",\"password\":\"wrong\"}}}");
            assertThatThrownBy(
                            () -> pull(store("wrong"), config(dockerConfig), registry.host() + "/private/app:1", AMD64))
                    .hasMessage(
                            "access to private/app at http://" + registry.host() + " denied (HTTP 401) for user ci");
        }
    }

    @Test
    void pullsBehindTokenAuth() throws Exception {
        assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed (apt-get install openssl)");
        TestImage image = TestImages.busybox().cmd("token").build();
        Credentials creds = new Credentials("robot", "t0ken-pass");
        try (LocalRegistry registry = LocalRegistry.startWithTokenAuth(tmp.resolve("registry"), creds)) {
            registry.push("secure/app", "1", image);
            Path dockerConfig = tmp.resolve("config.json");
            Files.writeString(
                    dockerConfig,
                    "{\"auths\":{\"" + registry.host() + "\":{\"username\":\"robot\",\"password\":\"t0ken-pass\"}}}");
            ImageRecord r = pull(store("token"), config(dockerConfig), registry.host() + "/secure/app:1", AMD64);
            assertThat(r.config().cmd()).containsExactly("token");
            assertThatThrownBy(() -> pull(store("anon"), config(null), registry.host() + "/secure/app:1", AMD64))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageStartingWith("token server http://127.0.0.1:")
                    .hasMessageEndingWith("/token refused a token (HTTP 401)");
        }
    }

    @Test
    void pullsEachPlatformOfAnIndex() {
        TestIndex index = TestImages.twoPlatforms();
        LocalRegistry started;
        try (LocalRegistry registry = LocalRegistry.start(tmp.resolve("registry"))) {
            started = registry;
            registry.push("multi/busybox", "latest", index);
            ImageRecord amd = pull(store("amd"), config(null), registry.host() + "/multi/busybox", AMD64);
            ImageRecord arm =
                    pull(store("arm"), config(null), registry.host() + "/multi/busybox", Platform.parse("linux/arm64"));
            assertThat(amd.target()).isEqualTo(index.digest());
            assertThat(arm.target()).isEqualTo(index.digest());
            assertThat(amd.manifestDigest()).isEqualTo(index.images().get(0).manifestDigest());
            assertThat(arm.manifestDigest()).isEqualTo(index.images().get(1).manifestDigest());
            assertThat(arm.config().platform()).hasToString("linux/arm64");
            ImageRecord byDigest =
                    pull(store("amd"), config(null), registry.host() + "/multi/busybox@" + index.digest(), AMD64);
            assertThat(byDigest.manifestDigest()).isEqualTo(amd.manifestDigest());
        }
        assertThat(ProcessHandle.of(started.pid()).map(ProcessHandle::isAlive))
                .isIn(java.util.Optional.empty(), java.util.Optional.of(false));
    }
}
