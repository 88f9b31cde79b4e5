package dev.jcompose.oci;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes an OCI bundle's config.json (atomically: temp file, then rename). */
public final class BundleWriter {
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private BundleWriter() {}

    public static String toJson(Object spec) {
        try {
            return JSON.writeValueAsString(spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path bundleDir, RuntimeSpec spec) {
        try {
            Files.createDirectories(bundleDir);
            Path tmp = bundleDir.resolve("config.json.tmp");
            Files.writeString(tmp, toJson(spec) + "\n");
            return Files.move(
                    tmp,
                    bundleDir.resolve("config.json"),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
