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

    /**
     * Bind options. {@code create_host_path} defaults to true; recent compose-go writes it only when
     * false, older releases also wrote {@code true}. The record keeps what the canonical tree said
     * ({@code null} = not written) so either form round-trips; use {@link #createsHostPath()}.
     */
    @JsonInclude(Include.NON_EMPTY)
    @JsonPropertyOrder({"selinux", "propagation", "create_host_path", "recursive"})
    public record Bind(
            String selinux,
            String propagation,
            @JsonInclude(Include.NON_NULL) Boolean createHostPath,
            String recursive) {

        /** Whether a missing host path is created (compose's default) rather than an error. */
        public boolean createsHostPath() {
            return createHostPath == null || createHostPath;
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
            @JsonSerialize(using = ByteSizeJson.Serializer.class)
            @JsonDeserialize(using = ByteSizeJson.Deserializer.class)
            long size,

            @JsonInclude(Include.NON_DEFAULT) long mode) {}

    /** Options of an image mount. */
    @JsonInclude(Include.NON_EMPTY)
    public record ImageOptions(String subpath) {}
}
