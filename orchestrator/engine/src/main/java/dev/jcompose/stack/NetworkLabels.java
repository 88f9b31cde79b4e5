package dev.jcompose.stack;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The compose labels of networks (project, key, config hash): the network layer keeps kernel
 * facts only, so the stack keeps these beside it, one JSON file per network name.
 */
final class NetworkLabels {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private final Path dir;

    NetworkLabels(Path dir) {
        this.dir = dir;
    }

    synchronized void put(String network, Map<String, String> labels) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(network + ".json.tmp");
            JSON.writeValue(tmp.toFile(), new TreeMap<>(labels));
            Files.move(
                    tmp,
                    dir.resolve(network + ".json"),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized SortedMap<String, String> get(String network) {
        Path f = dir.resolve(network + ".json");
        if (!Files.isRegularFile(f)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(JSON.readValue(f.toFile(), new TypeReference<Map<String, String>>() {}));
        } catch (IOException e) {
            return new TreeMap<>();
        }
    }

    synchronized void remove(String network) {
        try {
            Files.deleteIfExists(dir.resolve(network + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
