package dev.jcompose.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One published or exposed port, long syntax ({@code ServicePortConfig}). */
@JsonInclude(Include.NON_EMPTY)
@JsonPropertyOrder({"name", "mode", "host_ip", "target", "published", "protocol", "app_protocol"})
public record ServicePort(
        String name,
        String mode,
        String hostIp,
        @JsonInclude(Include.NON_DEFAULT) long target,
        String published,
        String protocol,
        String appProtocol) {}
