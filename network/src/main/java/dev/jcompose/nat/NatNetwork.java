package dev.jcompose.nat;

import dev.jcompose.ipam.Subnet;

/** What the rule planner needs to know about one network. */
public record NatNetwork(String name, String bridge, Subnet subnet, boolean internal) {
}
