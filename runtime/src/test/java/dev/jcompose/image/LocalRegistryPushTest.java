package dev.jcompose.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.host.HostPaths;
import dev.jcompose.image.testing.LocalRegistry;
import dev.jcompose.image.testing.TestImage;
import dev.jcompose.image.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushes to a real distribution registry (Debian's docker-registry) on 127.0.0.1 and pulls back by digest. */
@Tag("host")
class LocalRegistryPushTest {
    private static final Platform AMD64 = Platform.parse("linux/amd64");

    @TempDir
    Path tmp;

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final PushListener listener = new PushListener() {
        @Override
        public void pushed(Descriptor blob) {
            events.add("pushed " + blob.digest().shortHex());
        }

        @Override
        public void alreadyExists(Descriptor blob) {
            events.add("exists " + blob.digest().shortHex());
        }

        @Override
        public void mounted(Descriptor blob, String fromRepository) {
            events.add("mounted " + blob.digest().shortHex() + " from " + fromRepository);
        }
    };

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

    private static ImageRecord stored(ImageStore store, String name, TestImage image) {
        image.blobs().forEach((d, bytes) -> store.content().write(d, bytes));
        return store.put(name, image.manifestDigest(), image.manifestDigest());
    }

    private PushedImage push(ImageStore store, RegistryConfig c, String name) {
        return new ImagePusher(store, c, ImagePuller.defaultHttpClient(c))
                .push(store.get(name), ImageReference.parse(name), listener);
    }

    private static ImageRecord pull(ImageStore store, RegistryConfig c, String ref) {
        return new ImagePuller(store, c, ImagePuller.defaultHttpClient(c))
                .pull(ImageReference.parse(ref), AMD64, PullListener.NONE);
    }

    @Test
    void pushesPullsBackByDigestAndMountsIntoAnotherRepository() {
        TestImage image = TestImages.busybox().cmd("echo", "round trip").build();
        try (LocalRegistry registry = LocalRegistry.start(tmp.resolve("registry"))) {
            ImageStore local = store("local");
            String first = registry.host() + "/team/app:1";
            stored(local, first, image);
            PushedImage pushed = push(local, config(null), first);
            assertThat(pushed.digest()).isEqualTo(image.manifestDigest());
            assertThat(events)
                    .containsExactly(
                            "pushed " + image.layerDigest().shortHex(),
                            "pushed " + image.configDigest().shortHex());

            ImageRecord back = pull(store("back"), config(null), registry.host() + "/team/app@" + pushed.digest());
            assertThat(back.manifestDigest()).isEqualTo(image.manifestDigest());
            assertThat(back.config().cmd()).containsExactly("echo", "round trip");

            events.clear();
            String second = registry.host() + "/other/app:2";
            local.put(second, image.manifestDigest(), image.manifestDigest());
            push(local, config(null), second);
            assertThat(events)
                    .containsExactly(
                            "mounted " + image.layerDigest().shortHex() + " from team/app",
                            "mounted " + image.configDigest().shortHex() + " from team/app");
            assertThat(pull(store("second"), config(null), second).manifestDigest())
                    .isEqualTo(image.manifestDigest());

            events.clear();
            push(local, config(null), first);
            assertThat(events)
                    .containsExactly(
                            "exists " + image.layerDigest().shortHex(),
                            "exists " + image.configDigest().shortHex());
        }
    }

    @Test
    void pushesBehindHtpasswdWithConfigJsonCredentials() throws Exception {
        TestImage image = TestImages.busybox().build();
        try (LocalRegistry registry = LocalRegistry.start(tmp.resolve("registry"), new Credentials("ci", "hunter2"))) {
            ImageStore local = store("local");
            String name = registry.host() + "/private/app:1";
            stored(local, name, image);
            assertThatThrownBy(() -> push(local, config(tmp.resolve("none.json")), name))
                    .isInstanceOf(RegistryException.class)
                    .hasMessage("push " + name + ": http://" + registry.host()
                            + " requires a login for /v2/private/app/blobs/" + image.layerDigest());
            Path dockerConfig = tmp.resolve("config.json");
            Files.writeString(
                    dockerConfig,
                    "{\"auths\":{\"" + registry.host() + "\":{\"username\":\"ci\",\"password\":\"hunter2\"}}}");
            push(local, config(dockerConfig), name);
            assertThat(pull(store("back"), config(dockerConfig), name).manifestDigest())
                    .isEqualTo(image.manifestDigest());
        }
    }

    @Test
    void pushesAndMountsBehindTokenAuth() throws Exception {
        assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed (apt-get install openssl)");
        TestImage image = TestImages.busybox().cmd("token").build();
        Credentials creds = new Credentials("robot", "t0ken-pass");
        try (LocalRegistry registry = LocalRegistry.startWithTokenAuth(tmp.resolve("registry"), creds)) {
            registry.push("secure/base", "1", image);
            Path dockerConfig = tmp.resolve("config.json");
            Files.writeString(
                    dockerConfig,
                    "{\"auths\":{\"" + registry.host() + "\":{\"username\":\"robot\",\"password\":\"t0ken-pass\"}}}");
            ImageStore local = store("local");
            stored(local, registry.host() + "/secure/base:1", image);
            String name = registry.host() + "/secure/app:1";
            local.put(name, image.manifestDigest(), image.manifestDigest());
            push(local, config(dockerConfig), name);
            assertThat(events)
                    .containsExactly(
                            "mounted " + image.layerDigest().shortHex() + " from secure/base",
                            "mounted " + image.configDigest().shortHex() + " from secure/base");
            assertThat(pull(store("back"), config(dockerConfig), name).config().cmd())
                    .containsExactly("token");
            assertThatThrownBy(() -> push(local, config(null), name))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageEndingWith("/token refused a token (HTTP 401)");
        }
    }
}
