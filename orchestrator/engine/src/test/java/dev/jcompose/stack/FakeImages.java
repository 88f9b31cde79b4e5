package dev.jcompose.stack;

import dev.jcompose.build.BuildListener;
import dev.jcompose.build.BuildRequest;
import dev.jcompose.image.ImageConfig;
import dev.jcompose.image.testing.TestImage;
import dev.jcompose.oci.ImageDefaults;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link ImageSource} for the fake host: every reference is present, with no layers (the fake
 * runtime never mounts a root file system) and the config a test gives it ({@link #define}), else
 * none. An undefined image's id is the digest of its reference, so it is stable across stacks.
 */
final class FakeImages implements ImageSource {
    private final Path snapshotsRoot;
    private final Map<String, ResolvedImage> defined = new ConcurrentHashMap<>();
    private final List<String> pulls = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<BuildRequest> builds = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<String> pushes = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, RuntimeException> pushFailures = new ConcurrentHashMap<>();

    FakeImages(Path snapshotsRoot) {
        this.snapshotsRoot = snapshotsRoot;
    }

    /** The image {@code reference} has {@code image}'s config: its defaults, VOLUMEs and HEALTHCHECK (no layers). */
    void define(String reference, TestImage image) {
        ImageConfig config = ImageConfig.parse(image.config(), "the config of " + reference);
        List<String> health =
                config.healthcheckOptional().map(ImageConfig.Healthcheck::test).orElse(null);
        defined.put(
                reference,
                new ResolvedImage(
                        reference,
                        image.configDigest().toString(),
                        ImageDefaults.of(config),
                        snapshotsRoot,
                        List.of(),
                        health));
    }

    @Override
    public Optional<ResolvedImage> resolve(String reference) {
        return Optional.of(defined.getOrDefault(
                reference,
                new ResolvedImage(reference, id(reference), ImageDefaults.EMPTY, snapshotsRoot, List.of(), null)));
    }

    @Override
    public void pull(String reference) {
        pulls.add(reference);
    }

    /** Records the build; the image it names resolves like any other (with a new id per build). */
    @Override
    public void build(BuildRequest request, BuildListener listener) {
        builds.add(request);
        int n = builds.size();
        request.tags()
                .forEach(tag -> defined.put(
                        tag,
                        new ResolvedImage(
                                tag, id(tag + "#" + n), ImageDefaults.EMPTY, snapshotsRoot, List.of(), null)));
    }

    List<BuildRequest> builds() {
        return List.copyOf(builds);
    }

    @Override
    public void push(String reference, dev.jcompose.image.PushListener listener) {
        RuntimeException failure = pushFailures.get(reference);
        if (failure != null) {
            throw failure;
        }
        pushes.add(reference);
    }

    /** Pushes of {@code reference} throw {@code failure}. */
    void failPush(String reference, RuntimeException failure) {
        pushFailures.put(reference, failure);
    }

    List<String> pushes() {
        return List.copyOf(pushes);
    }

    List<String> pulls() {
        return List.copyOf(pulls);
    }

    static String id(String reference) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256")
                                    .digest(reference.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
