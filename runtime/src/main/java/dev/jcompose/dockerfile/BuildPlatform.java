package dev.jcompose.dockerfile;

/**
 * The platform a build runs on and builds for (jcompose builds for the host only), e.g. linux/arm64/v8.
 *
 * @param variant null or empty when the architecture has none
 */
public record BuildPlatform(String os, String architecture, String variant) {
    /** {@code os/arch[/variant]}, as in TARGETPLATFORM. */
    public String platform() {
        return os + "/" + architecture + (variant == null || variant.isEmpty() ? "" : "/" + variant);
    }

    String variantOrEmpty() {
        return variant == null ? "" : variant;
    }
}
