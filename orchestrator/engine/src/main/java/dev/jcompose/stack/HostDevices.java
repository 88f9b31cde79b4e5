package dev.jcompose.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.api.StackException;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.oci.ContainerSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A service's {@code devices:} ({@code /dev/x[:/dev/y[:rwm]]}) as the host's device nodes: type,
 * major and minor read from the host node, so the runtime makes the same node in the container and
 * the devices cgroup allows exactly it with the given permissions. A device the host lacks is an
 * error, like docker's "error gathering device information".
 */
final class HostDevices {
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;

    private HostDevices() {}

    static List<ContainerSpec.Device> resolve(String service, ServiceConfig s) {
        List<ContainerSpec.Device> out = new ArrayList<>();
        JsonNode devices = s.devices();
        if (devices == null || !devices.isArray()) {
            return out;
        }
        for (JsonNode d : devices) {
            String source = d.path("source").asText("");
            String target = d.path("target").asText("").isEmpty()
                    ? source
                    : d.path("target").asText();
            String access = d.path("permissions").asText("").isEmpty()
                    ? "rwm"
                    : d.path("permissions").asText();
            out.add(device(service, source, target, access));
        }
        return out;
    }

    static ContainerSpec.Device device(String service, String source, String target, String access) {
        if (!access.matches("[rwm]{1,3}")) {
            throw new StackException(
                    "device " + source + " of service " + service + ": invalid permissions '" + access + "'",
                    "use some of r, w and m, e.g. rwm");
        }
        if (!target.startsWith("/") || target.contains("/../") || target.endsWith("/..")) {
            throw new StackException(
                    "device " + source + " of service " + service + ": the container path " + target
                            + " is not an absolute clean path",
                    "use e.g. /dev/" + Path.of(source).getFileName());
        }
        Path p = Path.of(source);
        try {
            if (!Files.exists(p)) {
                throw new StackException(
                        "device " + source + " of service " + service + " does not exist on this host",
                        "remove it from devices:, or load the driver that provides it");
            }
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            int type = mode & S_IFMT;
            if (type != S_IFCHR && type != S_IFBLK) {
                throw new StackException(
                        "device " + source + " of service " + service + " is not a device node",
                        "name a character or block device, e.g. /dev/fuse");
            }
            long rdev = (Long) Files.getAttribute(p, "unix:rdev");
            return new ContainerSpec.Device(
                    target, type == S_IFCHR ? "c" : "b", major(rdev), minor(rdev), mode & 07777, access);
        } catch (IOException e) {
            throw new StackException(
                    "cannot read device " + source + " of service " + service + ": " + e.getMessage(),
                    "check that it exists and is readable");
        }
    }

    private static final java.util.regex.Pattern RULE =
            java.util.regex.Pattern.compile("([acb]) ([0-9]+|\\*):([0-9]+|\\*) ([rwm]{1,3})");

    /** {@code device_cgroup_rules} ({@code c 1:3 rwm}, {@code b 8:* r}) as allow rules, docker's format. */
    static List<ContainerSpec.DeviceAllow> rules(String service, ServiceConfig s) {
        List<ContainerSpec.DeviceAllow> out = new ArrayList<>();
        for (String r : s.deviceCgroupRules()) {
            java.util.regex.Matcher m = RULE.matcher(r);
            if (!m.matches()) {
                throw new StackException(
                        "device_cgroup_rules of service " + service + ": invalid rule '" + r + "'",
                        "write TYPE MAJOR:MINOR ACCESS, e.g. 'c 1:3 rwm' (TYPE a, b or c; * for any number)");
            }
            out.add(new ContainerSpec.DeviceAllow(m.group(1), number(m.group(2)), number(m.group(3)), m.group(4)));
        }
        return out;
    }

    private static Long number(String n) {
        return n.equals("*") ? null : Long.parseLong(n);
    }

    /** glibc's gnu_dev_major/minor over a 64-bit dev_t. */
    static long major(long rdev) {
        return ((rdev >>> 8) & 0xfffL) | ((rdev >>> 32) & 0xfffff000L);
    }

    static long minor(long rdev) {
        return (rdev & 0xffL) | ((rdev >>> 12) & 0xffffff00L);
    }
}
