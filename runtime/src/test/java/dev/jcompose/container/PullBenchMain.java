package dev.jcompose.container;

import dev.jcompose.host.Clock;
import dev.jcompose.host.HostPaths;
import dev.jcompose.host.ProcessCommandRunner;
import dev.jcompose.image.ImagePuller;
import dev.jcompose.image.ImageReference;
import dev.jcompose.image.ImageStore;
import dev.jcompose.image.Platform;
import dev.jcompose.image.PullListener;
import dev.jcompose.image.RegistryConfig;
import dev.jcompose.image.testing.LocalRegistry;
import dev.jcompose.image.testing.TestImage;
import dev.jcompose.image.testing.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Not a test: the pull bench behind bench/run.sh. Pushes the busybox test image to a local registry
 * on 127.0.0.1 and times, in one warm JVM, N pulls of it: cold (empty store) download+verify only,
 * cold through {@link ContainerHost} (plus the unpack), warm (everything stored), and skopeo's
 * cold copy to an OCI layout as an outside reference. Args: [N].
 */
public final class PullBenchMain {
    private static final int WARMUP = 3;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path dir = Files.createTempDirectory("jcpull-");
        Map<String, String> env = Map.of("HOME", dir.toString());
        RegistryConfig config = RegistryConfig.defaults(env).withDockerConfig(null);
        try (LocalRegistry registry = LocalRegistry.start(dir.resolve("registry"))) {
            TestImage image = TestImages.busybox().build();
            registry.push("bench/busybox", "1", image);
            String ref = registry.host() + "/bench/busybox:1";
            System.out.printf(
                    "image: %d bytes compressed, %d bytes unpacked, 1 layer%n",
                    image.layer().length, image.layerTar().length);
            report("cold pull (download + verify)", time(n, i -> {
                ImageStore store = ImageStore.under(paths(dir, "cold-" + i));
                new ImagePuller(store, config, ImagePuller.defaultHttpClient(config))
                        .pull(ImageReference.parse(ref), Platform.parse("linux/amd64"), PullListener.NONE);
            }));
            ContainerHost.Settings settings = ContainerHost.Settings.defaults(env)
                    .withRegistry(config)
                    .withPlatform(Platform.parse("linux/amd64"));
            // One long-lived host, as the orchestrator holds it; the image is removed (untimed) between pulls.
            ContainerHost host = host(dir, "unpack", settings);
            List<Long> unpacked = new ArrayList<>();
            for (int i = 0; i < n + WARMUP; i++) {
                long t0 = System.nanoTime();
                host.hostImages().pull(ref, PullListener.NONE);
                if (i >= WARMUP) {
                    unpacked.add(System.nanoTime() - t0);
                }
                host.hostImages().removeImage(ref, false);
            }
            report("cold pull + unpack (HostImages.pull)", unpacked);
            ContainerHost warm = host(dir, "warm", settings);
            warm.hostImages().pull(ref, PullListener.NONE);
            report(
                    "warm pull (all blobs and snapshots present)",
                    time(n, i -> warm.hostImages().pull(ref, PullListener.NONE)));
            if (Files.isExecutable(Path.of("/usr/bin/skopeo"))) {
                report("skopeo copy docker:// -> oci: (cold, reference)", time(n, i -> skopeo(ref, dir, i)));
            }
        } finally {
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static HostPaths paths(Path dir, String name) {
        return new HostPaths(dir.resolve(name), dir.resolve("run"));
    }

    private static ContainerHost host(Path dir, String name, ContainerHost.Settings settings) {
        return new ContainerHost(paths(dir, name), new ProcessCommandRunner(), Clock.system(), settings);
    }

    private static void skopeo(String ref, Path dir, int i) {
        try {
            Process p = new ProcessBuilder(
                            "skopeo",
                            "copy",
                            "-q",
                            "--src-tls-verify=false",
                            "docker://" + ref,
                            "oci:" + dir.resolve("skopeo-" + i) + ":1")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("skopeo.log").toFile())
                    .start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("skopeo failed: " + Files.readString(dir.resolve("skopeo.log")));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code op} WARMUP + n times (index passed in) and returns the n counted durations. */
    private static List<Long> time(int n, IntConsumer op) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n + WARMUP; i++) {
            long t0 = System.nanoTime();
            op.accept(i);
            if (i >= WARMUP) {
                out.add(System.nanoTime() - t0);
            }
        }
        return out;
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> s = new ArrayList<>(nanos);
        s.sort(null);
        System.out.printf(
                "%-50s n=%d median %.1f ms  p90 %.1f ms  min %.1f ms%n",
                what, s.size(), s.get(s.size() / 2) / 1e6, s.get((int) (s.size() * 0.9)) / 1e6, s.get(0) / 1e6);
    }
}
