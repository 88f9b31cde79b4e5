package dev.jcompose.stack;

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
 * runtime never mounts a root file system) and the defaults a test gives it ({@link #define}), else
 * none. Its id is the digest of the reference, so it is stable across stacks.
 */
final class FakeImages implements ImageSource {
    private final Path snapshotsRoot;
    private final Map<String, ResolvedImage> defined = new ConcurrentHashMap<>();
    private final List<String> pulls = java.util.Collections.synchronizedList(new ArrayList<>());

    FakeImages(Path snapshotsRoot) {
        this.snapshotsRoot = snapshotsRoot;
    }

    /** The image {@code reference} contributes {@code defaults} and the HEALTHCHECK {@code healthcheck} (null: none). */
    void define(String reference, ImageDefaults defaults, List<String> healthcheck) {
        defined.put(
                reference,
                new ResolvedImage(reference, id(reference), defaults, snapshotsRoot, List.of(), healthcheck));
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
