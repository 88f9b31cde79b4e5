package dev.jcompose.image;

import dev.jcompose.ExitCode;
import dev.jcompose.content.Digest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pushes a stored image to a registry with the OCI distribution API: each blob (layers, then the
 * config) is skipped when the repository has it ({@code HEAD}), else mounted from another repository
 * of the same registry that a stored image came from, else uploaded ({@link BlobUpload}); then the
 * platform manifest is put under the tag with its exact bytes, so its digest is the one jcompose
 * runs. Auth and plain HTTP for local and insecure registries are as for pulls ({@link RegistryClient}).
 * An index the image was pulled through is not pushed: only its platform manifest is stored.
 */
public final class ImagePusher {
    private final ImageStore store;
    private final RegistryConfig config;
    private final HttpClient http;

    public ImagePusher(ImageStore store, RegistryConfig config, HttpClient http) {
        this.store = store;
        this.config = config;
        this.http = http;
    }

    /** Pushes {@code image} to {@code target}, which must carry a tag. */
    @SuppressWarnings("try") // the lease is held for the block, not used in it
    public PushedImage push(ImageRecord image, ImageReference target, PushListener listener) {
        if (target.tagOptional().isEmpty() || target.digestOptional().isPresent()) {
            throw new RegistryException(
                    "cannot push " + target + ": a push needs a tag and no digest",
                    "name the image with a tag, e.g. " + target.repository() + ":latest",
                    ExitCode.FAILURE,
                    null);
        }
        Optional<Credentials> creds = new DockerCredentials(config.dockerConfig()).lookup(target.domain());
        RegistryClient client = new RegistryClient(http, config.upstream(target.domain()), creds, config.timeout());
        List<Descriptor> blobs = blobs(image);
        List<Digest> leased =
                new ArrayList<>(blobs.stream().map(Descriptor::digest).toList());
        leased.add(image.manifestDigest());
        try (AutoCloseable lease = store.lease(leased)) {
            BlobUpload upload = new BlobUpload(client, target.path(), store.content(), listener);
            Map<Digest, String> sources = mountSources(target);
            for (Descriptor blob : blobs) {
                upload.push(blob, Optional.ofNullable(sources.get(blob.digest())));
            }
            return putManifest(client, image, target);
        } catch (RegistryException e) {
            throw new RegistryException("push " + target + ": " + e.getMessage(), e.hint(), ExitCode.FAILURE, e);
        } catch (Exception e) {
            throw new RegistryException("push " + target + ": " + e, null, ExitCode.FAILURE, e);
        }
    }

    /** Layers base first, then the config; each digest once. */
    private static List<Descriptor> blobs(ImageRecord image) {
        Map<Digest, Descriptor> unique = new LinkedHashMap<>();
        image.manifest().layers().forEach(l -> unique.putIfAbsent(l.digest(), l));
        unique.putIfAbsent(image.manifest().config().digest(), image.manifest().config());
        return List.copyOf(unique.values());
    }

    /**
     * For each blob, a repository of the target's registry (not the target's) that a stored image is
     * named after, so was pulled from or pushed to: the registry may link the blob from there instead
     * of receiving it again. The first such image by name wins, so the choice is stable.
     */
    private Map<Digest, String> mountSources(ImageReference target) {
        Map<Digest, String> out = new LinkedHashMap<>();
        for (ImageRecord other : store.list()) {
            Optional<ImageReference> ref = parsed(other.name());
            if (ref.isEmpty()
                    || !ref.get().domain().equals(target.domain())
                    || ref.get().path().equals(target.path())) {
                continue;
            }
            out.putIfAbsent(other.manifest().config().digest(), ref.get().path());
            other.manifest()
                    .layers()
                    .forEach(l -> out.putIfAbsent(l.digest(), ref.get().path()));
        }
        return out;
    }

    private static Optional<ImageReference> parsed(String name) {
        if (name.startsWith("sha256:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(ImageReference.parse(name));
        } catch (InvalidReferenceException e) {
            return Optional.empty();
        }
    }

    private PushedImage putManifest(RegistryClient client, ImageRecord image, ImageReference target) {
        byte[] bytes = store.content().read(image.manifestDigest());
        String repo = target.path();
        URI uri = URI.create(client.base() + "/v2/" + repo + "/manifests/"
                + target.tagOptional().orElseThrow());
        HttpResponse<byte[]> r = client.send(
                repo,
                BlobUpload.pushScope(repo),
                "PUT",
                uri,
                Map.of("Content-Type", image.manifest().mediaType()),
                HttpRequest.BodyPublishers.ofByteArray(bytes),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw RegistryErrors.push("manifest " + image.manifestDigest(), client.base(), r.statusCode(), r.body());
        }
        Digest digest = Digest.sha256(bytes);
        Optional<String> announced = r.headers().firstValue("Docker-Content-Digest");
        if (announced.isPresent() && !announced.get().equals(digest.toString())) {
            throw new RegistryException(
                    "the registry stored the manifest as " + announced.get() + ", not as " + digest,
                    "a proxy or the registry altered the manifest; check the registry");
        }
        return new PushedImage(target, digest, bytes.length);
    }
}
