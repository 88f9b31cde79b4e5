package dev.jcompose.image.testing;

import dev.jcompose.content.Digest;
import dev.jcompose.image.Descriptor;
import dev.jcompose.image.MediaTypes;
import dev.jcompose.image.Platform;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete single-layer image held in memory: the gzip layer, the config and the OCI manifest,
 * each with its digest.
 *
 * @param layerTar the uncompressed layer (its digest is the config's diff_id)
 */
public record TestImage(Platform platform, byte[] layerTar, byte[] layer, byte[] config, byte[] manifest) {
    public Digest layerDigest() {
        return Digest.sha256(layer);
    }

    public Digest diffId() {
        return Digest.sha256(layerTar);
    }

    public Digest configDigest() {
        return Digest.sha256(config);
    }

    public Digest manifestDigest() {
        return Digest.sha256(manifest);
    }

    /** This image's manifest as an index entry. */
    public Descriptor descriptor() {
        return new Descriptor(MediaTypes.OCI_MANIFEST, manifestDigest(), manifest.length, platform);
    }

    /** Every blob by digest: layer, config, manifest (in upload order). */
    public Map<Digest, byte[]> blobs() {
        Map<Digest, byte[]> out = new LinkedHashMap<>();
        out.put(layerDigest(), layer);
        out.put(configDigest(), config);
        out.put(manifestDigest(), manifest);
        return out;
    }
}
