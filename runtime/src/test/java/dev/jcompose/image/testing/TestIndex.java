package dev.jcompose.image.testing;

import dev.jcompose.content.Digest;
import dev.jcompose.image.ImageIndex;
import dev.jcompose.image.Manifests;
import dev.jcompose.image.MediaTypes;
import java.util.List;

/** A multi-platform image: an OCI index over several {@link TestImage}s. */
public record TestIndex(List<TestImage> images) {
    public TestIndex {
        images = List.copyOf(images);
    }

    public byte[] bytes() {
        return Manifests.write(new ImageIndex(
                MediaTypes.OCI_INDEX, images.stream().map(TestImage::descriptor).toList()));
    }

    public Digest digest() {
        return Digest.sha256(bytes());
    }
}
