package dev.jcompose.image;

/** No image of that name or digest is in the local image store. */
public class ImageNotFoundException extends ImageException {
    public ImageNotFoundException(String reference) {
        super(
                "no such image: " + reference,
                "pull it first (`jcompose pull`), or check the name with `jcompose images`");
    }
}
