package dev.jcompose.oci;

import java.nio.file.Path;

/**
 * Host-side facts a spec needs besides the image and the service.
 *
 * @param rootfs        the mounted root file system (read for /etc/passwd and /etc/group)
 * @param cgroupsPath   e.g. {@code /jcompose/<id>}; runc creates it under every hierarchy (v1) or in the v2 tree
 * @param hostsFile     bind-mounted as /etc/hosts, or null to keep the image's
 * @param resolvConf    bind-mounted as /etc/resolv.conf, or null
 * @param hostnameFile  bind-mounted as /etc/hostname, or null
 * @param initBinary    tini or catatonit, bind-mounted as /sbin/docker-init when the service asks for init
 * @param nofileHardLimit the host's hard RLIMIT_NOFILE: a container cannot get more
 * @param capabilityBounding the host's capability bounding set (bit n = capability n; -1: all): a
 *                       container cannot get a capability jcompose itself lacks
 */
public record SpecContext(
        String containerId,
        Path rootfs,
        String cgroupsPath,
        Path hostsFile,
        Path resolvConf,
        Path hostnameFile,
        Path initBinary,
        long nofileHardLimit,
        long capabilityBounding) {}
