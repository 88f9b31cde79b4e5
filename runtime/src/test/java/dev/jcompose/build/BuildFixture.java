package dev.jcompose.build;

import dev.jcompose.archive.ImageChanges;
import dev.jcompose.archive.RootfsImport;
import dev.jcompose.cgroup.CgroupLayout;
import dev.jcompose.container.ConmonRuntime;
import dev.jcompose.container.ContainerRecord;
import dev.jcompose.container.CreateRequest;
import dev.jcompose.container.HostImages;
import dev.jcompose.container.LogLine;
import dev.jcompose.container.RuntimeConfig;
import dev.jcompose.container.RuntimeProbe;
import dev.jcompose.host.Clock;
import dev.jcompose.host.HostPaths;
import dev.jcompose.host.HostSnapshot;
import dev.jcompose.host.ProcessCommandRunner;
import dev.jcompose.image.ImageConfig;
import dev.jcompose.image.ImageRecord;
import dev.jcompose.image.Platform;
import dev.jcompose.oci.ContainerSpec;
import dev.jcompose.oci.ImageDefaults;
import dev.jcompose.rootfs.OverlayMounter;
import dev.jcompose.rootfs.Snapshot;
import dev.jcompose.rootfs.TestLayers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * A private jcompose host for one build root test: temp data/run roots, a unique cgroup parent, the
 * real runtime, and {@code busybox:test} in its image store. Closing removes everything and checks
 * that nothing leaked (mounts, cgroups, processes, files).
 */
final class BuildFixture implements AutoCloseable {
    static final String BASE = "busybox:test";

    final Path dir;
    final HostPaths paths;
    final ConmonRuntime runtime;
    final HostImages images;
    final DockerfileBuilder builder;
    final List<BuildStep> steps = java.util.Collections.synchronizedList(new ArrayList<>());
    private final String cgroupParent;
    private final HostSnapshot before;

    BuildFixture() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        dir = Path.of("/tmp/jcb-" + tag);
        cgroupParent = "jcompose-test-" + tag;
        before = snapshot();
        Files.createDirectories(dir);
        paths = new HostPaths(dir.resolve("data"), dir.resolve("run"));
        ProcessCommandRunner runner = new ProcessCommandRunner();
        runtime = new ConmonRuntime(
                paths,
                runner,
                Clock.system(),
                new RuntimeProbe(runner, paths, System.getenv()).select(System.getenv()),
                RuntimeConfig.detect(cgroupParent));
        images = new HostImages(paths, HostImages.Settings.defaults(Map.of()), runtime::list);
        Path tar = TestLayers.busybox(dir.resolve("busybox.tar.gz"));
        Path layout = dir.resolve("layout");
        RootfsImport.write(tar, BASE, ImageChanges.parse(List.of("CMD [\"sh\"]")), Platform.host(), layout);
        images.load(layout);
        builder = new DockerfileBuilder(images, runtime, paths, runner, Clock.system());
    }

    HostSnapshot snapshot() {
        return HostSnapshot.take(dir).scopedTo(dir.toString(), cgroupParent);
    }

    /** Writes {@code files} (relative name to content) under a fresh context directory. */
    Path context(String name, Map<String, String> files) throws IOException {
        Path ctx = Files.createDirectories(dir.resolve("ctx").resolve(name));
        for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
            Path p = ctx.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return ctx;
    }

    BuildRequest request(Path context, String tag, Map<String, String> args, String target, boolean noCache) {
        return new BuildRequest(
                context,
                context.resolve("Dockerfile"),
                null,
                new TreeMap<>(args),
                target,
                new TreeMap<>(),
                "none",
                new TreeMap<>(),
                new TreeMap<>(),
                noCache,
                false,
                List.of(tag),
                0,
                List.of());
    }

    BuildResult build(BuildRequest request) {
        return builder.build(request, steps::add);
    }

    ImageConfig config(String reference) {
        return images.find(reference).orElseThrow().config();
    }

    /** What {@code read} makes of the image's root file system, mounted read-only for the call. */
    <T> T files(String reference, Function<Path, T> read) {
        ImageRecord image = images.find(reference).orElseThrow();
        List<Snapshot> layers = images.withRootfs(image, p -> p.layers());
        try (StepOverlay o = StepOverlay.mount(
                new OverlayMounter(new ProcessCommandRunner()),
                images.snapshots().root(),
                layers,
                paths.dataRoot().resolve("build/work"))) {
            return read.apply(o.root());
        }
    }

    /** A file's content in the image, or {@code <absent>}. */
    String read(String reference, String path) {
        return files(reference, root -> {
            try {
                return Files.readString(root.resolve(path.substring(1)));
            } catch (IOException e) {
                return "<absent>";
            }
        });
    }

    /** Whether the image has {@code path} (a dangling symlink counts). */
    boolean exists(String reference, String path) {
        Boolean b = files(reference, root -> Files.exists(root.resolve(path.substring(1)), LinkOption.NOFOLLOW_LINKS));
        return b;
    }

    /** {@code uid:gid} of the image's {@code path}. */
    String owner(String reference, String path) {
        return files(reference, root -> {
            try {
                Path p = root.resolve(path.substring(1));
                return Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS) + ":"
                        + Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                return "<absent>";
            }
        });
    }

    /** The permission bits of the image's {@code path}, in octal. */
    String mode(String reference, String path) {
        return files(reference, root -> {
            try {
                int mode = (int)
                        Files.getAttribute(root.resolve(path.substring(1)), "unix:mode", LinkOption.NOFOLLOW_LINKS);
                return Integer.toOctalString(mode & 07777);
            } catch (IOException e) {
                return "<absent>";
            }
        });
    }

    /** Runs a container of the image (its own command when {@code command} is null); its exit code and output. */
    Ran run(String reference, List<String> command) {
        ImageRecord image = images.find(reference).orElseThrow();
        String id = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ContainerSpec spec = ContainerSpec.defaults();
        if (command != null) {
            spec = spec.withCommand(command);
        }
        ContainerSpec finalSpec = spec;
        return images.withRootfs(image, p -> {
            runtime.create(new CreateRequest(
                    id,
                    id,
                    Map.of(),
                    "",
                    images.snapshots().root(),
                    p.layers(),
                    ImageDefaults.of(image.config()),
                    finalSpec,
                    null,
                    null,
                    null));
            try {
                runtime.start(id);
                int code = runtime.waitExit(id, Duration.ofSeconds(30)).orElseThrow();
                String out = String.join(
                        "\n", runtime.logs(id, -1).stream().map(LogLine::text).toList());
                return new Ran(code, out);
            } finally {
                runtime.delete(id, true);
            }
        });
    }

    record Ran(int exitCode, String output) {}

    @Override
    public void close() throws IOException {
        for (ContainerRecord r : runtime.list()) {
            runtime.delete(r.id(), true);
        }
        CgroupLayout.detect().remove("/" + cgroupParent);
        Files.deleteIfExists(paths.runRoot().resolve("runtime-probe.json"));
        try (var s = Files.walk(dir)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
        snapshot().assertSameAs(before);
    }
}
