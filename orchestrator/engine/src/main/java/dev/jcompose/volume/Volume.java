package dev.jcompose.volume;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** A local volume: a directory ({@code mountpoint}, the {@code _data} dir) and the labels it was created with. */
public record Volume(String name, Path mountpoint, SortedMap<String, String> labels, Instant created) {
    public Volume {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels == null ? Map.of() : labels));
    }
}
