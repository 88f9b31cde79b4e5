package dev.jcompose.nat;

import dev.jcompose.ipam.Ipv4;
import dev.jcompose.ipam.Subnet;

/** What the rule planner needs to know about one network; the gateway hosts its DNS server. */
public record NatNetwork(String name, String bridge, Subnet subnet, Ipv4 gateway, boolean internal) {}
