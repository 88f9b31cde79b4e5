package dev.jcompose.observe;

/** How image references are compared: only the implicit {@code :latest} tag is made explicit. */
final class ImageReferences {
    private ImageReferences() {}

    static String withDefaultTag(String reference) {
        if (reference.contains("@")) {
            return reference;
        }
        int slash = reference.lastIndexOf('/');
        // a colon after the last slash is a tag; before it, a registry port
        return reference.indexOf(':', slash + 1) >= 0 ? reference : reference + ":latest";
    }
}
