package dev.jcompose.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.jcompose.cgroup.CgroupLayout;
import dev.jcompose.content.Digest;
import dev.jcompose.host.Clock;
import dev.jcompose.host.HostPaths;
import dev.jcompose.host.HostSnapshot;
import dev.jcompose.host.ProcessCommandRunner;
import dev.jcompose.image.Credentials;
import dev.jcompose.image.Descriptor;
import dev.jcompose.image.ImageException;
import dev.jcompose.image.ImageRecord;
import dev.jcompose.image.Manifest;
import dev.jcompose.image.Manifests;
import dev.jcompose.image.MediaTypes;
import dev.jcompose.image.Platform;
import dev.jcompose.image.PullListener;
import dev.jcompose.image.RegistryConfig;
import dev.jcompose.image.testing.ImageArchives;
import dev.jcompose.image.testing.LocalRegistry;
import dev.jcompose.image.testing.TestImage;
import dev.jcompose.image.testing.TestImages;
import dev.jcompose.image.testing.TestIndex;
import dev.jcompose.oci.ContainerSpec;
import dev.jcompose.policy.PullPolicy;
import dev.jcompose.rootfs.LayerUnpackException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The runtime's acceptance test, end to end through {@link ContainerHost}: images pushed to a real
 * registry on 127.0.0.1 (or saved to an archive) are pulled (or loaded), unpacked, run under
 * conmon + runc, and removed, leaving nothing behind on the host.
 */
@Tag("root")
class ContainerHostTest {
    private Path dir;
    private String cgroupParent;
    private HostSnapshot before;
    private ContainerHost host;
    private LocalRegistry registry;

    @BeforeEach
    void setUp() throws IOException {
        assumeThat(LocalRegistry.available()).as("docker-registry is installed").isTrue();
        assumeThat(TestImages.available()).as("busybox-static is installed").isTrue();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // "jcompose" in the path puts the registry process in HostSnapshot's process facet: a leaked one fails the
        // test.
        dir = Path.of("/tmp/jcompose-e2e-" + tag);
        cgroupParent = "jcompose-e2e-" + tag;
        before = snapshot();
        Files.createDirectories(dir);
        host = newHost(null);
    }

    private ContainerHost newHost(Path dockerConfig) {
        Map<String, String> env = Map.of("HOME", dir.toString());
        RegistryConfig registryConfig = RegistryConfig.defaults(env).withDockerConfig(dockerConfig);
        return new ContainerHost(
                new HostPaths(dir.resolve("data"), dir.resolve("run")),
                new ProcessCommandRunner(),
                Clock.system(),
                ContainerHost.Settings.defaults(env)
                        .withRegistry(registryConfig)
                        .withPlatform(Platform.parse("linux/amd64"))
                        .withCgroupParent(cgroupParent));
    }

    private HostSnapshot snapshot() {
        return HostSnapshot.take(dir).scopedTo(dir.toString(), cgroupParent);
    }

    @AfterEach
    void tearDown() throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return; // set-up stopped before it made anything
        }
        try {
            for (ContainerRecord r : host.containers().list()) {
                host.containers().delete(r.id(), true);
            }
        } finally {
            if (registry != null) {
                registry.close();
            }
            CgroupLayout.detect().remove("/" + cgroupParent);
            try (var s = Files.walk(dir)) {
                for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(q);
                }
            }
        }
        snapshot().assertSameAs(before);
    }

    /** Creates, starts and waits for a container of {@code image}; returns its exit code. */
    private int run(String image, String id, ContainerSpec spec) {
        host.create(image, NewContainer.of(id, "c-" + id, spec));
        host.containers().start(id);
        return host.containers().waitExit(id, Duration.ofSeconds(20)).orElseThrow();
    }

    private List<String> logs(String id) {
        return host.containers().logs(id, -1).stream()
                .map(l -> l.stream() + " " + l.text())
                .toList();
    }

    private static ContainerSpec sh(String script) {
        return ContainerSpec.defaults().withCommand(List.of("sh", "-c", script));
    }

    /** Records the pull events, blob callbacks from any download thread. */
    private static final class Recorder implements PullListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void resolved(dev.jcompose.image.ImageReference reference, Digest manifestDigest, Manifest manifest) {
            events.add("resolved " + manifestDigest);
        }

        @Override
        public void finished(Descriptor blob, boolean alreadyPresent) {
            events.add((alreadyPresent ? "present " : "fetched ") + blob.digest());
        }
    }

    @Test
    void pullsFromALocalRegistryRunsTheImageAndRemovesEverything() {
        TestImage image = TestImages.busybox().build();
        registry = LocalRegistry.start(dir.resolve("registry"));
        registry.push("e2e/busybox", "1", image);
        String ref = registry.host() + "/e2e/busybox:1";
        Recorder recorder = new Recorder();

        ImageRecord pulled = host.hostImages().pull(ref, recorder);

        assertThat(pulled.manifestDigest()).isEqualTo(image.manifestDigest());
        assertThat(recorder.events)
                .containsExactlyInAnyOrder(
                        "resolved " + image.manifestDigest(),
                        "fetched " + image.configDigest(),
                        "fetched " + image.layerDigest());
        assertThat(host.hostImages().snapshots().digests())
                .containsExactly(image.diffId().toString());
        assertThat(run(ref, "streams", sh("echo out; echo err >&2; exit 3"))).isEqualTo(3);
        assertThat(host.containers().logs("streams", -1))
                .extracting(LogLine::stream, LogLine::text)
                .containsExactlyInAnyOrder(tuple(LogLine.Stream.STDOUT, "out"), tuple(LogLine.Stream.STDERR, "err"));
        ContainerRecord rec = host.containers().inspect("streams");
        assertThat(rec.exitCode()).isEqualTo(3);
        assertThat(rec.imageRef())
                .isEqualTo(new ImageRef(ref, image.configDigest().toString()));
        host.containers().delete("streams", false);
        assertThat(dir.resolve("run/containers/streams")).doesNotExist();
        assertThat(CgroupLayout.detect().exists("/" + cgroupParent + "/streams"))
                .isFalse();

        assertThat(host.hostImages().removeImage(ref, false))
                .isEqualTo(new HostImages.RemovedImage(
                        List.of(ref),
                        new TreeSet<>(image.blobs().keySet()),
                        new TreeSet<>(List.of(image.diffId().toString()))));
        assertThat(host.hostImages().list()).isEmpty();
        assertThat(host.hostImages().store().content().list()).isEmpty();
        assertThat(host.hostImages().snapshots().digests()).isEmpty();
    }

    @Test
    void pullsBehindHtpasswdAndRunsWithTheImageDefaults() throws IOException {
        TestImage image = TestImages.busybox()
                .user("app")
                .workingDir("/home/app")
                .env("GREETING=hello")
                .cmd("sh", "-c", "echo $GREETING $(id -un) $PWD")
                .build();
        registry = LocalRegistry.start(dir.resolve("registry"), new Credentials("ci", "hunter2"));
        registry.push("private/app", "2", image);
        String ref = registry.host() + "/private/app:2";
        Path dockerConfig = Files.writeString(
                dir.resolve("config.json"),
                "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\""
                        + Base64.getEncoder().encodeToString("ci:hunter2".getBytes()) + "\"}}}");
        assertThatThrownBy(() -> host.hostImages().pull(ref, PullListener.NONE))
                .hasMessage("http://" + registry.host() + " requires a login for /v2/private/app/manifests/2");
        host = newHost(dockerConfig);

        host.hostImages().pull(ref, PullListener.NONE);

        assertThat(run(ref, "defaults", ContainerSpec.defaults())).isEqualTo(0);
        assertThat(logs("defaults")).containsExactly("STDOUT hello app /home/app");
    }

    @Test
    void pullsThePlatformsImageOfAnIndexAsThePolicySays() {
        TestIndex index = TestImages.twoPlatforms();
        registry = LocalRegistry.start(dir.resolve("registry"));
        registry.push("multi/busybox", "latest", index);
        String ref = registry.host() + "/multi/busybox:latest";
        TestImage amd64 = index.images().get(0);
        assertThatThrownBy(() -> host.hostImages().ensure(ref, PullPolicy.NEVER, PullListener.NONE))
                .isInstanceOf(ImageException.class)
                .hasMessage("no such image: " + ref + " (and the pull policy is never)");

        Recorder first = new Recorder();
        ImageRecord pulled = host.hostImages().ensure(ref, PullPolicy.MISSING, first);
        Recorder second = new Recorder();
        assertThat(host.hostImages().ensure(ref, PullPolicy.MISSING, second)).isEqualTo(pulled);
        Recorder again = new Recorder();
        host.hostImages().ensure(ref, PullPolicy.ALWAYS, again);

        assertThat(pulled.target()).isEqualTo(index.digest());
        assertThat(pulled.manifestDigest()).isEqualTo(amd64.manifestDigest());
        assertThat(first.events).contains("fetched " + amd64.layerDigest());
        assertThat(second.events).isEmpty();
        assertThat(again.events)
                .containsExactlyInAnyOrder(
                        "resolved " + amd64.manifestDigest(),
                        "present " + amd64.configDigest(),
                        "present " + amd64.layerDigest());
        assertThat(run(ref, "platform", sh("echo $PLATFORM"))).isEqualTo(0);
        assertThat(logs("platform")).containsExactly("STDOUT amd64");
    }

    @Test
    void aPulledLayerThatDoesNotMatchItsDiffIdIsRejectedAndLeavesNothing() {
        TestImage good = TestImages.busybox().build();
        Digest fake = Digest.sha256("another layer".getBytes(StandardCharsets.UTF_8));
        byte[] config = new String(good.config(), StandardCharsets.UTF_8)
                .replace(good.diffId().toString(), fake.toString())
                .getBytes(StandardCharsets.UTF_8);
        byte[] manifest = Manifests.write(new Manifest(
                MediaTypes.OCI_MANIFEST,
                new Descriptor(MediaTypes.OCI_CONFIG, Digest.sha256(config), config.length),
                List.of(new Descriptor(MediaTypes.OCI_LAYER_GZIP, good.layerDigest(), good.layer().length))));
        registry = LocalRegistry.start(dir.resolve("registry"));
        registry.push(
                "e2e/lying", "1", new TestImage(good.platform(), good.layerTar(), good.layer(), config, manifest));
        String ref = registry.host() + "/e2e/lying:1";

        assertThatThrownBy(() -> host.hostImages().pull(ref, PullListener.NONE))
                .isInstanceOf(LayerUnpackException.class)
                .hasMessageStartingWith("layer " + good.layerDigest().hex() + " unpacks to " + good.diffId()
                        + ", but the image config lists diff_id " + fake + " (in ");

        assertThat(host.hostImages().list()).isEmpty();
        assertThat(host.hostImages().store().content().list()).isEmpty();
        assertThat(host.hostImages().snapshots().digests()).isEmpty();
    }

    @Test
    void anImageWithoutLayersIsRefusedAtPull() {
        TestImage good = TestImages.busybox().build();
        byte[] config = new String(good.config(), StandardCharsets.UTF_8)
                .replace("\"" + good.diffId() + "\"", "")
                .getBytes(StandardCharsets.UTF_8);
        byte[] manifest = Manifests.write(new Manifest(
                MediaTypes.OCI_MANIFEST,
                new Descriptor(MediaTypes.OCI_CONFIG, Digest.sha256(config), config.length),
                List.of()));
        registry = LocalRegistry.start(dir.resolve("registry"));
        registry.push(
                "e2e/empty", "1", new TestImage(good.platform(), good.layerTar(), good.layer(), config, manifest));
        String ref = registry.host() + "/e2e/empty:1";

        assertThatThrownBy(() -> host.hostImages().pull(ref, PullListener.NONE))
                .isInstanceOf(ImageException.class)
                .hasMessage("image " + ref + " has no layers: there is no root file system to run");
        assertThat(host.hostImages().list()).isEmpty();
        assertThat(host.hostImages().store().content().list()).isEmpty();
    }

    @Test
    void runsAnImageLoadedFromADockerSaveArchive() throws IOException {
        TestImage image = TestImages.busybox()
                .entrypoint("/bin/sh", "-c")
                .cmd("echo loaded; exit 5")
                .build();
        Path archive =
                Files.write(dir.resolve("save.tar"), ImageArchives.dockerSaveLegacy(Map.of("e2e/loaded:1", image)));

        List<ImageRecord> loaded = host.hostImages().load(archive);

        assertThat(loaded).extracting(ImageRecord::name).containsExactly("docker.io/e2e/loaded:1");
        assertThat(run("e2e/loaded:1", "loaded", ContainerSpec.defaults())).isEqualTo(5);
        assertThat(logs("loaded")).containsExactly("STDOUT loaded");
    }

    @Test
    void refusesToRemoveAnImageInUseUnlessForced() throws IOException {
        TestImage image = TestImages.busybox().build();
        host.hostImages()
                .load(Files.write(
                        dir.resolve("save.tar"), ImageArchives.dockerSaveLegacy(Map.of("e2e/used:1", image))));
        host.create("e2e/used:1", NewContainer.of("user1", "c-user1", sh("echo still here")));

        assertThatThrownBy(() -> host.hostImages().removeImage("e2e/used:1", false))
                .isInstanceOf(ImageException.class)
                .hasMessage("cannot remove image docker.io/e2e/used:1: container c-user1 uses it");
        assertThat(host.hostImages().list()).hasSize(1);
        HostImages.RemovedImage forced = host.hostImages().removeImage("e2e/used:1", true);

        assertThat(forced.deletedSnapshots()).isEmpty();
        assertThat(host.hostImages().list()).isEmpty();
        host.containers().start("user1");
        assertThat(host.containers().waitExit("user1", Duration.ofSeconds(20))).contains(0);
        assertThat(logs("user1")).containsExactly("STDOUT still here");
        host.containers().delete("user1", false);
        assertThat(host.hostImages().pruneSnapshots())
                .containsExactly(image.diffId().toString());
    }

    @Test
    void anImageIdHeldBySeveralNamesIsRemovedByNameOrByForce() throws IOException {
        TestImage image = TestImages.busybox().build();
        host.hostImages()
                .load(Files.write(
                        dir.resolve("save.tar"),
                        ImageArchives.dockerSaveLegacy(Map.of("e2e/a:1", image, "e2e/b:1", image))));
        String id = image.configDigest().toString();

        assertThatThrownBy(() -> host.hostImages().removeImage(id, false))
                .isInstanceOf(ImageException.class)
                .hasMessage("cannot remove image " + id + ": it is referenced by several names "
                        + "(docker.io/e2e/a:1, docker.io/e2e/b:1)");
        assertThat(host.hostImages().removeImage("e2e/a:1", false))
                .isEqualTo(new HostImages.RemovedImage(List.of("docker.io/e2e/a:1"), new TreeSet<>(), new TreeSet<>()));
        assertThat(host.hostImages().list()).extracting(ImageRecord::name).containsExactly("docker.io/e2e/b:1");
        host.hostImages()
                .load(Files.write(dir.resolve("save2.tar"), ImageArchives.dockerSaveLegacy(Map.of("e2e/a:1", image))));
        HostImages.RemovedImage all = host.hostImages().removeImage(id, true);

        assertThat(all.untagged()).containsExactly("docker.io/e2e/a:1", "docker.io/e2e/b:1");
        assertThat(all.deletedSnapshots()).containsExactly(image.diffId().toString());
        assertThat(host.hostImages().list()).isEmpty();
        assertThat(host.hostImages().store().content().list()).isEmpty();
    }
}
