package dev.jcompose.image;

import java.util.Locale;
import java.util.Objects;

/**
 * An OCI platform ({@code os/architecture[/variant]}), normalised like containerd: {@code x86_64} is
 * {@code amd64}, {@code aarch64} is {@code arm64}, and arm64's default variant {@code v8} is dropped.
 *
 * @param variant the CPU variant, or {@code ""}
 */
public record Platform(String os, String architecture, String variant) {
    public Platform {
        os = Objects.requireNonNull(os, "os").toLowerCase(Locale.ROOT);
        architecture = normaliseArch(
                Objects.requireNonNull(architecture, "architecture").toLowerCase(Locale.ROOT));
        variant = variant == null ? "" : variant.toLowerCase(Locale.ROOT);
        if (architecture.equals("arm64") && variant.equals("v8")) {
            variant = "";
        }
    }

    private static String normaliseArch(String arch) {
        return switch (arch) {
            case "x86_64", "x86-64" -> "amd64";
            case "aarch64" -> "arm64";
            case "i386", "i686" -> "386";
            default -> arch;
        };
    }

    /** Parses a compose {@code platform:} value such as {@code linux/arm64/v8}. */
    public static Platform parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length < 2
                || parts.length > 3
                || java.util.Arrays.stream(parts).anyMatch(String::isBlank)) {
            throw new ImageException(
                    "invalid platform \"" + text + "\": expected os/arch[/variant]",
                    "write it like \"linux/amd64\" or \"linux/arm/v7\"");
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : "");
    }

    /** The platform of the machine jcompose runs on. */
    public static Platform host() {
        String os =
                System.getProperty("os.name", "linux").toLowerCase(Locale.ROOT).startsWith("linux")
                        ? "linux"
                        : System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return new Platform(os, System.getProperty("os.arch", "amd64"), "");
    }

    /**
     * Whether an image built for {@code offered} runs here: same os and architecture, and the same
     * variant unless this platform asks for none.
     */
    public boolean accepts(Platform offered) {
        return os.equals(offered.os)
                && architecture.equals(offered.architecture)
                && (variant.isEmpty() || variant.equals(offered.variant));
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
    }
}
