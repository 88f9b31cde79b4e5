package dev.jcompose.build;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.container.ContainerRuntime;
import dev.jcompose.container.HostImages;
import dev.jcompose.dockerfile.BuildArgs;
import dev.jcompose.dockerfile.BuildPlatform;
import dev.jcompose.dockerfile.Dockerfile;
import dev.jcompose.dockerfile.DockerfileParser;
import dev.jcompose.dockerfile.Stage;
import dev.jcompose.dockerfile.StageGraph;
import dev.jcompose.host.Clock;
import dev.jcompose.host.CommandRunner;
import dev.jcompose.host.HostPaths;
import dev.jcompose.image.ImageRecord;
import dev.jcompose.image.Platform;
import dev.jcompose.rootfs.OverlayMounter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The real {@link ImageBuilder}: parses the Dockerfile, builds the stages the target needs (stages
 * of one level of the stage graph in parallel; each step on overlay snapshots of the one before, RUN
 * in a container of {@code runtime}), reuses cached steps, and stores the result in the image store.
 */
public final class DockerfileBuilder implements ImageBuilder {
    private final HostImages images;
    private final HostPaths paths;
    private final Clock clock;
    private final BuildCache cache;
    private final RunStep runner;
    private final OverlayMounter mounter;
    /** File hashes by stat stamp, kept for the builder's life: a cached rebuild reads only changed files. */
    private final FileDigests digests = new FileDigests();

    public DockerfileBuilder(
            HostImages images, ContainerRuntime runtime, HostPaths paths, CommandRunner runner, Clock clock) {
        this.images = images;
        this.paths = paths;
        this.clock = clock;
        this.cache = new BuildCache(paths, images.store());
        this.runner = new RunStep(runtime, images.snapshots().root());
        this.mounter = new OverlayMounter(runner);
    }

    /** The step cache: {@code builder prune} empties it. */
    public BuildCache cache() {
        return cache;
    }

    @Override
    public BuildResult build(BuildRequest request, BuildListener listener) {
        return images.holdingSnapshots(() -> buildHeld(request, listener));
    }

    private BuildResult buildHeld(BuildRequest request, BuildListener listener) {
        if (!Files.isDirectory(request.context())) {
            throw new JcomposeException(
                    "build context " + request.context() + " is not a directory",
                    "create it, or fix build.context",
                    ExitCode.FAILURE);
        }
        Path dockerfile = request.dockerfile() != null
                ? request.dockerfile()
                : request.context().resolve("Dockerfile");
        Dockerfile parsed = DockerfileParser.parse(text(request, dockerfile), name(request, dockerfile));
        Platform platform = images.platform();
        BuildArgs args = new BuildArgs(
                parsed, request.args(), new BuildPlatform(platform.os(), platform.architecture(), platform.variant()));
        StageGraph graph = StageGraph.of(
                parsed,
                request.target(),
                args.globalLookup(),
                request.additionalContexts().keySet());
        BuildContext context = BuildContext.directory(
                request.context(),
                IgnoreRules.load(request.context(), request.dockerfileInline() != null ? null : dockerfile));
        BuildSession session = new BuildSession(
                request,
                listener,
                args,
                graph,
                context,
                images,
                cache,
                runner,
                mounter,
                paths.dataRoot().resolve("build").resolve("work"),
                clock,
                digests);
        for (List<Stage> level : graph.levels()) {
            buildLevel(session, level);
        }
        ImageDraft last = session.stage(graph.target()).draft().withLabels(request.labels());
        ImageRecord image = new ImageCommit(images.store()).commit(last, request.tags());
        String unused = args.unconsumedWarning(graph.order());
        if (unused != null) {
            listener.step(new BuildStep(
                    request.reference(), "", 0, 0, "", BuildStep.Status.OUTPUT, java.time.Duration.ZERO, unused));
        }
        return new BuildResult(image, session.steps.get(), session.cached.get());
    }

    /** The stages of one level need only earlier levels: they build concurrently. */
    private static void buildLevel(BuildSession session, List<Stage> level) {
        if (level.size() == 1) {
            new StageRunner(session, level.get(0)).run();
            return;
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (Stage stage : level) {
                running.add(pool.submit(() -> new StageRunner(session, stage).run()));
            }
            RuntimeException first = null;
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException r
                                ? r
                                : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while building " + session.request.reference(), e);
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    private static String text(BuildRequest request, Path dockerfile) {
        if (request.dockerfileInline() != null) {
            return request.dockerfileInline();
        }
        try {
            return Files.readString(dockerfile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot read the Dockerfile " + dockerfile + ": " + e.getMessage(),
                    "create it, or set build.dockerfile to the Dockerfile's path (relative to the context)",
                    ExitCode.FAILURE,
                    e);
        }
    }

    /** How errors name the file: its path relative to the context, as docker does. */
    private static String name(BuildRequest request, Path dockerfile) {
        if (request.dockerfileInline() != null) {
            return "Dockerfile (inline)";
        }
        Path abs = dockerfile.toAbsolutePath().normalize();
        Path ctx = request.context().toAbsolutePath().normalize();
        return abs.startsWith(ctx) ? ctx.relativize(abs).toString() : abs.toString();
    }
}
