package dev.jcompose.stack;

import dev.jcompose.api.BuildOptions;
import dev.jcompose.api.StackEvent;
import dev.jcompose.api.StackException;
import dev.jcompose.build.BuildListener;
import dev.jcompose.build.BuildRequest;
import dev.jcompose.build.BuildStep;
import dev.jcompose.model.BuildConfig;
import dev.jcompose.model.FileReference;
import dev.jcompose.model.Project;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.observe.Labels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A service's {@code build} section as a {@link BuildRequest}, and the build's steps as the command's
 * progress events ({@code Build app [build 2/4] RUN make DONE 1.2s}).
 */
final class ProjectBuilds {
    private ProjectBuilds() {}

    /** What {@code jcompose build}'s command line adds to the file's build sections. */
    record Overrides(boolean noCache, boolean pull, SortedMap<String, String> args) {
        static final Overrides NONE = new Overrides(false, false, new TreeMap<>());
    }

    /** The image a service runs: {@code image}, else {@code <project>-<service>} as docker compose names it. */
    static String reference(Project project, String service) {
        ServiceConfig s = project.services().get(service);
        return s.image() != null && !s.image().isEmpty() ? s.image() : project.name() + Labels.SEPARATOR + service;
    }

    /** A request with its secrets staged in a private temporary directory, removed at close. */
    record Staged(BuildRequest request, Path secretsDir) implements AutoCloseable {
        @Override
        public void close() {
            if (secretsDir == null) {
                return;
            }
            try (var files = Files.list(secretsDir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
                Files.deleteIfExists(secretsDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove staged build secrets " + secretsDir, e);
            }
        }
    }

    /**
     * {@code jcompose build}: the selected services' images, concurrently (each service once; a
     * service without a build section is skipped, as compose does, unless named). Every build runs
     * to its end; the first failure is thrown after all finished, naming how many failed.
     */
    static void buildAll(ImageSource images, Project project, BuildOptions options, Consumer<StackEvent> sink) {
        for (String named : options.services()) {
            if (!project.services().containsKey(named)) {
                throw new StackException(
                        "no such service: " + named, "list the services with `jcompose config --services`");
            }
            if (project.services().get(named).build() == null) {
                throw new StackException(
                        "service " + named + " has no build section",
                        "add one, or pull its image with `jcompose pull`");
            }
        }
        List<String> selected = project.services().entrySet().stream()
                .filter(e -> e.getValue().build() != null)
                .map(java.util.Map.Entry::getKey)
                .filter(n -> options.services().isEmpty() || options.services().contains(n))
                .toList();
        Overrides overrides = new Overrides(options.noCache(), options.pull(), new TreeMap<>(options.args()));
        List<RuntimeException> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (String service : selected) {
                pool.submit(() -> {
                    String ref = reference(project, service);
                    sink.accept(new StackEvent("Image", ref, "Building", ""));
                    try {
                        build(images, project, service, overrides, sink);
                        sink.accept(new StackEvent("Image", ref, "Built", ""));
                    } catch (RuntimeException e) {
                        sink.accept(new StackEvent("Image", ref, "Error", String.valueOf(e.getMessage())));
                        failures.add(e);
                    }
                });
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    /** Builds {@code service}'s image through {@code images}, its steps told to {@code sink}. */
    static void build(
            ImageSource images, Project project, String service, Overrides overrides, Consumer<StackEvent> sink) {
        try (Staged staged = stage(project, service, overrides)) {
            images.build(staged.request(), events(service, sink));
        }
    }

    static Staged stage(Project project, String service, Overrides overrides) {
        BuildConfig b = project.services().get(service).build();
        Path dir = null;
        if (b != null && !b.secrets().isEmpty()) {
            try {
                dir = Files.createTempDirectory(
                        "jcompose-build-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stage build secrets: " + e.getMessage(), e);
            }
        }
        return new Staged(request(project, service, overrides, dir), dir);
    }

    /**
     * The request for {@code service}; secrets are written under {@code secretsDir} (0700), which
     * the caller deletes after the build.
     */
    static BuildRequest request(Project project, String service, Overrides overrides, Path secretsDir) {
        ServiceConfig s = project.services().get(service);
        BuildConfig b = s.build();
        if (b == null) {
            throw new StackException(
                    "service " + service + " has no build section", "add one, or pull its image instead");
        }
        if (b.context() != null && b.context().matches("^(https?://|git@|git://|github\\.com/).*")) {
            throw new StackException(
                    "service " + service + ": build context " + b.context() + " is a remote repository, and builds"
                            + " run offline",
                    "clone it and set build.context to the directory");
        }
        Path context = Path.of(b.context() == null ? "." : b.context()).toAbsolutePath();
        String dockerfile = b.dockerfile() == null ? "Dockerfile" : b.dockerfile();
        SortedMap<String, String> args = new TreeMap<>(b.args());
        args.putAll(overrides.args());
        List<String> tags = new ArrayList<>();
        tags.add(reference(project, service));
        b.tags().stream().filter(t -> !tags.contains(t)).forEach(tags::add);
        return new BuildRequest(
                context,
                context.resolve(dockerfile).normalize(),
                b.dockerfileInline(),
                args,
                b.target(),
                b.labels(),
                b.network(),
                secrets(project, service, b, secretsDir),
                b.additionalContexts(),
                b.noCache() || overrides.noCache(),
                b.pull() || overrides.pull(),
                tags,
                b.shmSize(),
                b.extraHosts());
    }

    private static SortedMap<String, Path> secrets(Project project, String service, BuildConfig b, Path dir) {
        SortedMap<String, Path> out = new TreeMap<>();
        for (FileReference r : b.secrets()) {
            String id = r.target() != null && !r.target().isEmpty() ? r.target() : r.source();
            byte[] content = ContainerSecrets.content(
                    "secret", r.source(), project.secrets().get(r.source()));
            try {
                Path file = dir.resolve(service + "." + out.size());
                Files.write(file, content);
                out.put(id, file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stage build secret " + r.source() + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** The build's steps as the command's events, under the service's name. */
    static BuildListener events(String service, Consumer<StackEvent> sink) {
        return (BuildStep step) -> {
            String at = "[" + step.stage() + " " + step.number() + "/" + step.total() + "] " + step.instruction();
            String status = switch (step.status()) {
                case STARTED -> "Building";
                case CACHED -> "Cached";
                case OUTPUT -> "Output";
                case DONE -> "Built";
                case ERROR -> "Error";
            };
            String took = step.elapsed().isZero()
                    ? ""
                    : String.format("%.1fs", step.elapsed().toMillis() / 1000.0);
            String detail = step.detail().isEmpty() ? took : step.detail();
            sink.accept(new StackEvent("Build", service, status, at + (detail.isEmpty() ? "" : " " + detail)));
        };
    }
}
