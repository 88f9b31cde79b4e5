package dev.jcompose.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** A top-level network. {@code ipam} is a Go struct, so compose-go always writes it ({@code {}}). */
@JsonInclude(Include.NON_EMPTY)
@JsonPropertyOrder({
    "name",
    "driver",
    "driver_opts",
    "ipam",
    "external",
    "internal",
    "attachable",
    "labels",
    "enable_ipv4",
    "enable_ipv6"
})
public record NetworkConfig(
        String name,
        String driver,
        SortedMap<String, String> driverOpts,
        @JsonInclude(Include.ALWAYS) Ipam ipam,
        @JsonInclude(Include.NON_DEFAULT) boolean external,
        @JsonInclude(Include.NON_DEFAULT) boolean internal,
        @JsonInclude(Include.NON_DEFAULT) boolean attachable,
        SortedMap<String, String> labels,
        @JsonInclude(Include.NON_NULL) Boolean enableIpv4,
        @JsonInclude(Include.NON_NULL) Boolean enableIpv6,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extensions) {
    public NetworkConfig {
        driverOpts = Copies.map(driverOpts);
        ipam = ipam == null ? Ipam.NONE : ipam;
        labels = Copies.map(labels);
        extensions = Copies.extensions(extensions);
    }

    /** A network known only by its name, as existing resources describe it. */
    public static NetworkConfig named(String name) {
        return new NetworkConfig(name, null, null, null, false, false, false, null, null, null, null);
    }

    /** {@code ipam}: driver and address pools. */
    @JsonInclude(Include.NON_EMPTY)
    @JsonPropertyOrder({"driver", "config", "options"})
    public record Ipam(String driver, List<Pool> config, SortedMap<String, String> options) {
        public static final Ipam NONE = new Ipam(null, null, null);

        public Ipam {
            config = Copies.list(config);
            options = Copies.map(options);
        }
    }

    /** One IPAM pool. */
    @JsonInclude(Include.NON_EMPTY)
    @JsonPropertyOrder({"subnet", "gateway", "ip_range", "aux_addresses"})
    public record Pool(String subnet, String gateway, String ipRange, SortedMap<String, String> auxAddresses) {
        public Pool {
            auxAddresses = Copies.map(auxAddresses);
        }
    }
}
