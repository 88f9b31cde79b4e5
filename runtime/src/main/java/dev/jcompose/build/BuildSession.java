package dev.jcompose.build;

import dev.jcompose.container.HostImages;
import dev.jcompose.content.ContentStore;
import dev.jcompose.content.Digest;
import dev.jcompose.dockerfile.BuildArgs;
import dev.jcompose.dockerfile.Stage;
import dev.jcompose.dockerfile.StageGraph;
import dev.jcompose.host.Clock;
import dev.jcompose.image.ImageRecord;
import dev.jcompose.policy.PullPolicy;
import dev.jcompose.rootfs.OverlayMounter;
import dev.jcompose.rootfs.Snapshot;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every stage of one build shares: the request, the parsed file's arguments and stage graph, the
 * context, the stores, and the stages already built.
 */
final class BuildSession {
    private static final String IMAGE_SCHEME = "docker-image://";
    final BuildRequest request;
    final BuildListener listener;
    final BuildArgs args;
    final StageGraph graph;
    final BuildContext context;
    final HostImages images;
    final BuildCache cache;
    final RunStep runner;
    final OverlayMounter mounter;
    final Path workRoot;
    final Clock clock;
    final FileDigests digests;
    private final Map<Integer, dev.jcompose.dockerfile.StageScope> scopes = new ConcurrentHashMap<>();
    private final Map<Integer, StageState> built = new ConcurrentHashMap<>();
    private final Map<String, StageState> imageStates = new ConcurrentHashMap<>();
    final java.util.concurrent.atomic.AtomicInteger steps = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger cached = new java.util.concurrent.atomic.AtomicInteger();

    BuildSession(
            BuildRequest request,
            BuildListener listener,
            BuildArgs args,
            StageGraph graph,
            BuildContext context,
            HostImages images,
            BuildCache cache,
            RunStep runner,
            OverlayMounter mounter,
            Path workRoot,
            Clock clock,
            FileDigests digests) {
        this.request = request;
        this.listener = listener;
        this.args = args;
        this.graph = graph;
        this.context = context;
        this.images = images;
        this.cache = cache;
        this.runner = runner;
        this.mounter = mounter;
        this.workRoot = workRoot;
        this.clock = clock;
        this.digests = digests;
    }

    ContentStore content() {
        return images.store().content();
    }

    Instant now() {
        return clock.now();
    }

    void finished(Stage stage, StageState state, dev.jcompose.dockerfile.StageScope scope) {
        built.put(stage.index(), state);
        scopes.put(stage.index(), scope);
    }

    /** The variables in scope at the end of a stage built earlier: a stage built on it starts with them. */
    dev.jcompose.dockerfile.StageScope scope(Stage stage) {
        return scopes.get(stage.index());
    }

    /** A stage built earlier in this build (the graph orders stages so it is). */
    StageState stage(Stage stage) {
        StageState s = built.get(stage.index());
        if (s == null) {
            throw new IllegalStateException("stage " + stage.index() + " used before it was built");
        }
        return s;
    }

    /** An image as a starting state: pulled when missing (or always with {@code pull}), its layers unpacked. */
    StageState image(String reference) {
        String named = request.additionalContexts().get(reference);
        if (named != null && named.startsWith(IMAGE_SCHEME)) {
            return image(named.substring(IMAGE_SCHEME.length()));
        }
        return imageStates.computeIfAbsent(reference, ref -> {
            if (ref.equals("scratch")) {
                return new StageState(ImageDraft.scratch(images.platform()), List.of(), StepKey.base("scratch"));
            }
            ImageRecord image = images.ensure(ref, request.pull() ? PullPolicy.ALWAYS : PullPolicy.MISSING, null);
            List<Snapshot> layers = images.withRootfs(image, p -> p.layers());
            ImageDraft draft = ImageDraft.of(content(), image);
            return new StageState(draft, layers, StepKey.base("image " + image.id()));
        });
    }

    /**
     * Where {@code --from=ref} reads when it is a directory: the build context (no ref) or a named
     * additional context that is a directory; empty for a stage or an image.
     */
    Optional<BuildContext> directorySource(String ref) {
        if (ref == null) {
            return Optional.of(context);
        }
        String named = request.additionalContexts().get(ref);
        if (named == null || named.startsWith(IMAGE_SCHEME)) {
            return Optional.empty();
        }
        Path dir = Path.of(named);
        return Optional.of(BuildContext.directory(dir, IgnoreRules.load(dir, dir.resolve("Dockerfile"))));
    }

    /** The state {@code --from=ref} (or a mount's {@code from=}) of {@code user} reads: a stage, else an image. */
    StageState from(Stage user, dev.jcompose.dockerfile.SourceLine at, String ref) {
        String named = request.additionalContexts().get(ref);
        if (named != null && named.startsWith(IMAGE_SCHEME)) {
            return image(named.substring(IMAGE_SCHEME.length()));
        }
        Stage stage = graph.stageFor(user, ref);
        return stage != null ? stage(stage) : image(ref);
    }

    /** The snapshot of a layer this build made or found in its cache. */
    Snapshot snapshot(BuiltLayer layer) {
        Digest d = layer.digest();
        return images.snapshots().ensure(d.toString(), content().blobPath(d), d.toString());
    }

    /** What a step of {@code s} runs on: its snapshots, or one empty layer for a stage from scratch. */
    List<Snapshot> lowers(StageState s) {
        if (!s.snapshots().isEmpty()) {
            return s.snapshots();
        }
        Digest empty = content().write(new byte[1024]); // an empty tar: two zero blocks
        return List.of(images.snapshots().ensure(empty.toString(), content().blobPath(empty), empty.toString()));
    }

    /** The layer of a step's changes (an overlay upper directory); empty when it changed nothing. */
    Optional<BuiltLayer> diff(Path upper) {
        return new LayerDiff(content(), new HostUpperInspector()).diff(upper);
    }

    /** RUN's network: its own {@code --network}, else the build's. */
    String network(dev.jcompose.dockerfile.Instruction.Run run) {
        return run.network() != null ? run.network() : request.network();
    }

    /** Tells the listener about a step. */
    void tell(StepRef ref, BuildStep.Status status, java.time.Duration took, String detail) {
        listener.step(new BuildStep(
                request.reference(), ref.stage(), ref.number(), ref.total(), ref.text(), status, took, detail));
    }

    Optional<CacheEntry> cached(String key) {
        return request.noCache() ? Optional.empty() : cache.get(key);
    }
}
