package dev.jcompose.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.ExitCode;
import dev.jcompose.content.Digest;
import dev.jcompose.host.HostPaths;
import dev.jcompose.image.testing.FakeRegistry;
import dev.jcompose.image.testing.TestImage;
import dev.jcompose.image.testing.TestImages;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushes to a scripted registry on 127.0.0.1: the request sequence, skips, mounts, auth and refusals. */
class ImagePusherTest {
    @TempDir
    Path tmp;

    private FakeRegistry registry;
    private ImageStore store;
    private TestImage image;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final PushListener listener = new PushListener() {
        @Override
        public void pushing(Descriptor blob) {
            events.add("pushing " + blob.digest().shortHex());
        }

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
    void setUp() {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        registry = new FakeRegistry();
        store = ImageStore.under(new HostPaths(tmp.resolve("data"), tmp.resolve("run")));
        image = TestImages.busybox().cmd("echo", "pushed").build();
    }

    @AfterEach
    void tearDown() {
        if (registry != null) {
            registry.close();
        }
    }

    private RegistryConfig config() {
        return RegistryConfig.defaults(Map.of("HOME", tmp.toString())).withDockerConfig(tmp.resolve("no-config.json"));
    }

    private ImageRecord stored(String name) {
        image.blobs().forEach((d, bytes) -> store.content().write(d, bytes));
        return store.put(name, image.manifestDigest(), image.manifestDigest());
    }

    private PushedImage push(RegistryConfig c, String repoAndTag) {
        String name = registry.host() + "/" + repoAndTag;
        ImageRecord r = store.find(name).orElseGet(() -> stored(name));
        return new ImagePusher(store, c, ImagePuller.defaultHttpClient(c))
                .push(r, ImageReference.parse(name), listener);
    }

    private String enc(Digest d) {
        return d.toString().replace(":", "%3A");
    }

    @Test
    void uploadsEachBlobThenPutsTheManifestAndSkipsWhatTheRepositoryHas() {
        PushedImage pushed = push(config(), "team/app:1");
        assertThat(pushed.digest()).isEqualTo(image.manifestDigest());
        assertThat(pushed.size()).isEqualTo(image.manifest().length);
        Digest layer = image.layerDigest();
        Digest config = image.configDigest();
        assertThat(registry.requests())
                .containsExactly(
                        "HEAD /v2/team/app/blobs/" + layer,
                        "POST /v2/team/app/blobs/uploads/",
                        "PUT /v2/team/app/blobs/uploads/u1?_state=su1&digest=" + enc(layer),
                        "HEAD /v2/team/app/blobs/" + config,
                        "POST /v2/team/app/blobs/uploads/",
                        "PUT /v2/team/app/blobs/uploads/u2?_state=su2&digest=" + enc(config),
                        "PUT /v2/team/app/manifests/1");
        assertThat(events)
                .containsExactly(
                        "pushing " + layer.shortHex(),
                        "pushed " + layer.shortHex(),
                        "pushing " + config.shortHex(),
                        "pushed " + config.shortHex());
        assertThat(registry.manifest("team/app", "1")).isEqualTo(image.manifest());
        assertThat(registry.manifestType("team/app", "1")).isEqualTo(MediaTypes.OCI_MANIFEST);

        events.clear();
        int before = registry.requests().size();
        push(config(), "team/app:1");
        assertThat(events).containsExactly("exists " + layer.shortHex(), "exists " + config.shortHex());
        assertThat(registry.requests().subList(before, registry.requests().size()))
                .containsExactly(
                        "HEAD /v2/team/app/blobs/" + layer,
                        "HEAD /v2/team/app/blobs/" + config,
                        "PUT /v2/team/app/manifests/1");
    }

    @Test
    void thePushedImagePullsBackByDigest() {
        PushedImage pushed = push(config(), "team/app:2");
        ImageStore other = ImageStore.under(new HostPaths(tmp.resolve("other"), tmp.resolve("other-run")));
        ImageRecord pulled = new ImagePuller(other, config(), ImagePuller.defaultHttpClient(config()))
                .pull(
                        ImageReference.parse(registry.host() + "/team/app@" + pushed.digest()),
                        Platform.parse("linux/amd64"),
                        PullListener.NONE);
        assertThat(pulled.manifestDigest()).isEqualTo(image.manifestDigest());
        assertThat(pulled.config().cmd()).containsExactly("echo", "pushed");
    }

    @Test
    void mountsBlobsFromAnotherRepositoryOfTheRegistryAStoredImageCameFrom() {
        registry.add("tools/busybox", "1", image);
        stored(registry.host() + "/tools/busybox:1");
        push(config(), "team/app:1");
        Digest layer = image.layerDigest();
        Digest config = image.configDigest();
        assertThat(registry.requests())
                .containsExactly(
                        "HEAD /v2/team/app/blobs/" + layer,
                        "POST /v2/team/app/blobs/uploads/?mount=" + enc(layer) + "&from=tools%2Fbusybox",
                        "HEAD /v2/team/app/blobs/" + config,
                        "POST /v2/team/app/blobs/uploads/?mount=" + enc(config) + "&from=tools%2Fbusybox",
                        "PUT /v2/team/app/manifests/1");
        assertThat(events)
                .containsExactly(
                        "mounted " + layer.shortHex() + " from tools/busybox",
                        "mounted " + config.shortHex() + " from tools/busybox");
        assertThat(registry.has("team/app", layer)).isTrue();
    }

    @Test
    void aMountTheRegistryCannotDoUploadsIntoTheSessionItOpened() {
        stored(registry.host() + "/tools/elsewhere:1"); // named after a repository that lacks the blobs
        registry.absoluteUploadLocations();
        push(config(), "team/app:1");
        Digest layer = image.layerDigest();
        assertThat(registry.requests())
                .startsWith(
                        "HEAD /v2/team/app/blobs/" + layer,
                        "POST /v2/team/app/blobs/uploads/?mount=" + enc(layer) + "&from=tools%2Felsewhere",
                        "PUT /v2/team/app/blobs/uploads/u1?_state=su1&digest=" + enc(layer));
        assertThat(registry.has("team/app", image.configDigest())).isTrue();
        assertThat(events).contains("pushed " + layer.shortHex());
    }

    @Test
    void asksTheTokenRealmForPushScopesWithConfigJsonCredentials() throws Exception {
        Credentials creds = new Credentials("ci", "s3cret");
        registry.requireBearer(creds);
        registry.add("tools/busybox", "1", image);
        stored(registry.host() + "/tools/busybox:1");
        Path dockerConfig = tmp.resolve("config.json");
        Files.writeString(
                dockerConfig,
                "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\""
                        + Base64.getEncoder().encodeToString("ci:s3cret".getBytes()) + "\"}}}");
        push(config().withDockerConfig(dockerConfig), "team/app:1");
        assertThat(registry.requests())
                .filteredOn(r -> r.startsWith("GET /token"))
                .containsExactly(
                        "GET /token?service=fake&scope=repository%3Ateam%2Fapp%3Apull%2Cpush",
                        "GET /token?service=fake&scope=repository%3Ateam%2Fapp%3Apull%2Cpush"
                                + "&scope=repository%3Atools%2Fbusybox%3Apull");
        assertThat(registry.manifest("team/app", "1")).isEqualTo(image.manifest());

        assertThatThrownBy(() -> push(config(), "team/app:2"))
                .isInstanceOf(RegistryException.class)
                .hasMessage("push " + registry.host() + "/team/app:2: token server http://" + registry.host()
                        + "/token refused a token (HTTP 401)")
                .extracting(e -> ((RegistryException) e).exitCode())
                .isEqualTo(ExitCode.FAILURE);
    }

    @Test
    void refusalsSayWhatFailedAndWhatToDo() {
        registry.refuse("team/denied", "blob upload", 403, "DENIED");
        assertThatThrownBy(() -> push(config(), "team/denied:1"))
                .isInstanceOf(RegistryException.class)
                .hasMessage("push " + registry.host() + "/team/denied:1: starting the upload of layer "
                        + image.layerDigest() + " refused by http://" + registry.host()
                        + ": HTTP 403: DENIED (denied)")
                .extracting(e -> ((RegistryException) e).hint())
                .asString()
                .startsWith("the user may not push to this repository");
        registry.refuse("team/unknown", "manifest", 404, "NAME_UNKNOWN");
        assertThatThrownBy(() -> push(config(), "team/unknown:1"))
                .hasMessage("push " + registry.host() + "/team/unknown:1: manifest " + image.manifestDigest()
                        + " refused by http://" + registry.host() + ": HTTP 404: NAME_UNKNOWN (name unknown)")
                .extracting(e -> ((RegistryException) e).hint())
                .asString()
                .startsWith("the registry does not know this repository");
        registry.refuse("team/invalid", "manifest", 400, "MANIFEST_INVALID");
        assertThatThrownBy(() -> push(config(), "team/invalid:1"))
                .hasMessageEndingWith("HTTP 400: MANIFEST_INVALID (manifest invalid)")
                .extracting(e -> ((RegistryException) e).hint())
                .asString()
                .startsWith("the registry rejected the manifest");
    }

    @Test
    void aRegistryThatIsNotListeningIsNamed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String name = "127.0.0.1:" + port + "/team/app:1";
        ImageRecord r = stored(name);
        assertThatThrownBy(() -> new ImagePusher(store, config(), ImagePuller.defaultHttpClient(config()))
                        .push(r, ImageReference.parse(name), listener))
                .isInstanceOf(RegistryException.class)
                .hasMessageStartingWith("push " + name + ": cannot reach http://127.0.0.1:" + port + ": ")
                .extracting(e -> ((RegistryException) e).hint())
                .asString()
                .startsWith("check the registry address");
    }

    @Test
    void refusesADigestReference() {
        ImageRecord r = stored(registry.host() + "/team/app:1");
        ImageReference byDigest = ImageReference.parse(registry.host() + "/team/app@" + image.manifestDigest());
        assertThatThrownBy(() -> new ImagePusher(store, config(), ImagePuller.defaultHttpClient(config()))
                        .push(r, byDigest, listener))
                .hasMessage("cannot push " + byDigest + ": a push needs a tag and no digest");
        assertThat(registry.requests()).isEmpty();
    }
}
