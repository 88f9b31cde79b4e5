package dev.jcompose.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.SortedMap;

/** One mount of a service, long syntax ({@code ServiceVolumeConfig}). */
@JsonInclude(Include.NON_EMPTY)
@JsonPropertyOrder({"type", "source", "target", "read_only", "consistency", "bind", "volume", "tmpfs", "image"})
public record ServiceVolume(
        String type,
        String source,
        String target,
        @JsonInclude(Include.NON_DEFAULT) boolean readOnly,
        String consistency,
        @JsonInclude(Include.NON_NULL) Bind bind,
        @JsonInclude(Include.NON_NULL) VolumeOptions volume,
        @JsonInclude(Include.NON_NULL) TmpfsOptions tmpfs,
        @JsonInclude(Include.NON_NULL) ImageOptions image) {
    public static final String BIND = "bind";
    public static final String VOLUME = "volume";
    public static final String TMPFS = "tmpfs";

    /** A named (not anonymous) volume, the kind that must be declared at top level. */
    @JsonIgnore
    public boolean isNamedVolume() {
        return VOLUME.equals(type) && source != null && !source.isEmpty();
    }

    /** Bind options. {@code create_host_path} defaults to true and compose writes it only when false. */
    @JsonInclude(Include.NON_EMPTY)
    @JsonPropertyOrder({"selinux", "propagation", "create_host_path", "recursive"})
    public record Bind(
            String selinux,
            String propagation,
            @JsonInclude(value = Include.CUSTOM, valueFilter = TrueFilter.class) Boolean createHostPath,
            String recursive) {
        public Bind {
            createHostPath = createHostPath == null || createHostPath;
        }
    }

    /** Options of a named or anonymous volume mount. */
    @JsonInclude(Include.NON_EMPTY)
    @JsonPropertyOrder({"labels", "nocopy", "subpath"})
    public record VolumeOptions(
            SortedMap<String, String> labels,
            @JsonInclude(Include.NON_DEFAULT) boolean nocopy,
            String subpath) {
        public VolumeOptions {
            labels = Copies.map(labels);
        }
    }

    /** tmpfs size (bytes) and mode. */
    @JsonInclude(Include.NON_EMPTY)
    @JsonPropertyOrder({"size", "mode"})
    public record TmpfsOptions(
            @JsonInclude(Include.NON_DEFAULT)
            @JsonSerialize(using = ByteSize.Serializer.class) @JsonDeserialize(using = ByteSize.Deserializer.class)
            long size,
            @JsonInclude(Include.NON_DEFAULT) long mode) {
    }

    /** Options of an image mount. */
    @JsonInclude(Include.NON_EMPTY)
    public record ImageOptions(String subpath) {
    }

    /** Jackson value filter: excludes {@code true}, the default compose leaves out. */
    static final class TrueFilter {
        @Override
        public boolean equals(Object o) {
            return Boolean.TRUE.equals(o);
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }
}
