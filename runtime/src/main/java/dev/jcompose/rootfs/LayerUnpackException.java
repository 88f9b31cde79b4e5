package dev.jcompose.rootfs;

import dev.jcompose.JcomposeException;

/** A layer could not be unpacked: malformed, hostile, or too big. Nothing of it was kept. */
public class LayerUnpackException extends JcomposeException {
    public LayerUnpackException(String message, Throwable cause) {
        super(
                message,
                "the image layer is corrupt or crafted to escape its snapshot; pull it again "
                        + "from a trusted registry or rebuild the image",
                dev.jcompose.ExitCode.FAILURE,
                cause);
    }

    public LayerUnpackException(String message) {
        this(message, null);
    }
}
