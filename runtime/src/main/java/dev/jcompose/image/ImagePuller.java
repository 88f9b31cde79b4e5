package dev.jcompose.image;

import dev.jcompose.content.ContentException;
import dev.jcompose.content.ContentStore;
import dev.jcompose.content.Digest;
import dev.jcompose.content.DigestMismatchException;
import dev.jcompose.content.Ingest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Pulls an image into the {@link ImageStore}: resolves the reference (through mirrors first), picks
 * the platform from an index, downloads config and layers with bounded concurrency into the
 * {@link ContentStore} (verified while streaming, skipped when present, resumed with {@code Range}
 * after an interruption), then records the name. A failed pull leaves no blob visible.
 */
public final class ImagePuller {
    private final ImageStore store;
    private final ContentStore content;
    private final RegistryConfig config;
    private final HttpClient http;

    public ImagePuller(ImageStore store, RegistryConfig config, HttpClient http) {
        this.store = store;
        this.content = store.content();
        this.config = config;
        this.http = http;
    }

    /** An HTTP client suited to registries: redirects are followed by hand (see {@link RegistryClient}). */
    public static HttpClient defaultHttpClient(RegistryConfig config) {
        return HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public ImageRecord pull(ImageReference ref, Platform platform, PullListener listener) {
        List<URI> endpoints = config.endpoints(ref.domain());
        Optional<Credentials> creds = new DockerCredentials(config.dockerConfig()).lookup(ref.domain());
        List<RegistryException> failures = new ArrayList<>();
        for (URI endpoint : endpoints) {
            boolean mirror = !endpoint.equals(config.upstream(ref.domain()));
            // Docker sends no registry credentials to mirrors: they belong to the registry.
            RegistryClient client =
                    new RegistryClient(http, endpoint, mirror ? Optional.empty() : creds, config.timeout());
            try {
                return pullFrom(client, ref, platform, listener);
            } catch (RegistryException e) {
                failures.add(e);
            }
        }
        RegistryException last = failures.getLast();
        failures.subList(0, failures.size() - 1).forEach(last::addSuppressed);
        throw last;
    }

    @SuppressWarnings("try") // the lock/lease is held for the block, not used in it
    private ImageRecord pullFrom(RegistryClient client, ImageReference ref, Platform platform, PullListener listener) {
        String repo = ref.path();
        RegistryClient.FetchedManifest top = client.manifest(repo, ref.manifestReference());
        Digest topDigest = verifiedManifestDigest(ref, client, top, ref.digest(), -1);
        ManifestDocument doc = Manifests.parse(top.bytes(), top.contentType(), "manifest of " + ref);
        Map<Digest, byte[]> manifests = new LinkedHashMap<>();
        manifests.put(topDigest, top.bytes());
        Digest manifestDigest = topDigest;
        if (doc instanceof ImageIndex index) {
            Descriptor chosen = index.select(platform)
                    .orElseThrow(() -> new RegistryException(
                            "pull " + ref + ": no image for platform " + platform + " (the index offers "
                                    + String.join(", ", index.platforms()) + ")",
                            "set `platform:` on the service to one of those, or use an image built for " + platform));
            RegistryClient.FetchedManifest child =
                    client.manifest(repo, chosen.digest().toString());
            manifestDigest = verifiedManifestDigest(ref, client, child, chosen.digest(), chosen.size());
            doc = Manifests.parse(child.bytes(), child.contentType(), "manifest " + chosen.digest() + " of " + ref);
            manifests.put(manifestDigest, child.bytes());
        }
        if (!(doc instanceof Manifest manifest)) {
            throw new RegistryException(
                    "pull " + ref + ": the index points at another index",
                    "nested indexes are not supported; pull the platform manifest by digest");
        }
        listener.resolved(ref, manifestDigest, manifest);
        List<Descriptor> blobs = new ArrayList<>();
        blobs.add(manifest.config());
        blobs.addAll(manifest.layers());
        List<Digest> all = new ArrayList<>(manifests.keySet());
        blobs.forEach(b -> all.add(b.digest()));
        try {
            try (AutoCloseable lease = store.lease(all)) {
                downloadAll(client, ref, blobs, listener);
                manifests.forEach(content::write);
                return store.put(ref.toString(), topDigest, manifestDigest);
            }
        } catch (RuntimeException e) {
            throw collectingGarbage(e);
        } catch (Exception e) {
            throw collectingGarbage(new RegistryException("pull " + ref + ": " + e, null, e));
        }
    }

    /** Verified blobs of a failed pull are garbage (partial downloads stay, resumable); keeps the first error. */
    private RuntimeException collectingGarbage(RuntimeException failure) {
        try {
            store.gc();
        } catch (RuntimeException gcFailure) {
            failure.addSuppressed(gcFailure);
        }
        return failure;
    }

    private Digest verifiedManifestDigest(
            ImageReference ref,
            RegistryClient client,
            RegistryClient.FetchedManifest m,
            Digest expected,
            long expectedSize) {
        Digest actual = Digest.sha256(m.bytes());
        Optional<Digest> announced =
                m.announcedDigest().filter(s -> s.startsWith("sha256:")).map(Digest::parse);
        if ((expected != null && !expected.equals(actual))
                || (expectedSize >= 0 && m.bytes().length != expectedSize)
                || (announced.isPresent() && !announced.get().equals(actual))) {
            throw new RegistryException(
                    "pull " + ref + ": manifest from " + client.base() + " failed verification: it hashes to " + actual
                            + ", expected " + (expected != null ? expected : announced.orElse(actual)),
                    "the registry or a proxy altered the manifest; pull again or check the registry");
        }
        return actual;
    }

    private void downloadAll(RegistryClient client, ImageReference ref, List<Descriptor> blobs, PullListener listener)
            throws InterruptedException {
        Map<Digest, Descriptor> unique = new LinkedHashMap<>();
        blobs.forEach(b -> unique.putIfAbsent(b.digest(), b));
        Semaphore slots = new Semaphore(config.maxConcurrentDownloads());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (Descriptor d : unique.values()) {
                futures.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        download(client, ref, d, listener);
                    } finally {
                        slots.release();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    futures.forEach(other -> other.cancel(true));
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new RegistryException("pull " + ref + ": " + e.getCause(), null, e.getCause());
                }
            }
        }
    }

    private void download(RegistryClient client, ImageReference ref, Descriptor d, PullListener listener) {
        for (int attempt = 0; ; attempt++) {
            boolean resumed = false;
            try (Ingest in = content.ingest(d.digest(), d.size())) {
                if (in.alreadyStored()) {
                    listener.finished(d, true);
                    return;
                }
                resumed = in.offset() > 0;
                fetchInto(client, ref, d, in, listener);
                in.commit();
                listener.finished(d, false);
                return;
            } catch (DigestMismatchException e) {
                if (resumed && attempt == 0) {
                    continue; // the kept prefix was not this blob's: the ingest was dropped, start over
                }
                throw new RegistryException(
                        "pull " + ref + ": " + blobKind(d) + " " + d.digest() + " from " + client.base()
                                + " is corrupt: " + e.getMessage().replaceFirst("^blob \\S+ ", ""),
                        "the registry or a proxy served wrong bytes; nothing was stored. Pull again, and if it "
                                + "persists check the registry",
                        e);
            } catch (ContentException e) {
                throw new RegistryException(
                        "pull " + ref + ": downloading " + blobKind(d) + " " + d.digest() + " failed: "
                                + e.getMessage(),
                        "pull again: the download resumes where it stopped",
                        e);
            }
        }
    }

    private void fetchInto(RegistryClient client, ImageReference ref, Descriptor d, Ingest in, PullListener listener) {
        long offset = in.offset();
        HttpResponse<InputStream> r = client.blob(ref.path(), d.digest(), offset);
        try (StallWatchdog watchdog = new StallWatchdog(config.timeout());
                InputStream body = watchdog.watch(r.body())) {
            if (r.statusCode() == 206
                    && offset > 0
                    && r.headers()
                            .firstValue("Content-Range")
                            .filter(v -> v.startsWith("bytes " + offset + "-"))
                            .isPresent()) {
                listener.progress(d, offset, d.size());
            } else if (r.statusCode() == 200) {
                in.restart();
            } else {
                throw new RegistryException(
                        "pull " + ref + ": " + blobKind(d) + " " + d.digest() + ": HTTP " + r.statusCode() + " from "
                                + client.base(),
                        r.statusCode() == 404
                                ? "the registry lost the blob; ask its owner to push the image again"
                                : "retry later; if it persists the registry is misbehaving");
            }
            try {
                in.append(body, done -> listener.progress(d, done, d.size()));
            } catch (ContentException e) {
                if (watchdog.stalled()) {
                    throw new RegistryException(
                            "pull " + ref + ": downloading " + blobKind(d) + " " + d.digest()
                                    + " from " + client.base() + " stalled: no data for "
                                    + config.timeout().toMillis() / 1000.0
                                    + "s after " + in.offset() + " of " + d.size() + " bytes",
                            "pull again: the download resumes where it stopped",
                            e);
                }
                throw e;
            }
        } catch (java.io.IOException e) {
            throw new RegistryException(
                    "pull " + ref + ": reading " + d.digest() + ": " + e.getMessage(),
                    "pull again: the download resumes where it stopped",
                    e);
        }
    }

    private static String blobKind(Descriptor d) {
        return MediaTypes.LAYERS.contains(d.mediaType()) ? "layer" : "blob";
    }
}
