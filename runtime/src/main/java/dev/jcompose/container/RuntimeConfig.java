package dev.jcompose.container;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Host settings of the container runtime.
 *
 * @param cgroupParent    containers get cgroup {@code /<cgroupParent>/<id>} (cgroupfs form, v1 and v2)
 * @param initBinary      a STATIC tini or catatonit for {@code init: true} (it runs inside the container), or null
 * @param nofileHardLimit the host's hard RLIMIT_NOFILE (containers are clamped to it)
 * @param capabilityBounding this process's capability bounding set (containers are clamped to it)
 */
public record RuntimeConfig(
        Path conmon, String cgroupParent, Path initBinary, long nofileHardLimit, long capabilityBounding) {
    public static RuntimeConfig detect(String cgroupParent) {
        Path init = List.of(
                        Path.of("/usr/bin/tini-static"),
                        Path.of("/usr/bin/catatonit"),
                        Path.of("/usr/libexec/podman/catatonit"))
                .stream()
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
        return new RuntimeConfig(Path.of("/usr/bin/conmon"), cgroupParent, init, hostNofileHard(), hostCapBounding());
    }

    /** The hard limit this process runs with, which conmon and the runtime inherit. */
    static long hostNofileHard() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (l.startsWith("Max open files")) {
                    String hard = l.substring(26).trim().split("\\s+")[1];
                    return hard.equals("unlimited") ? 1 << 20 : Long.parseLong(hard);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // fall through to a limit every kernel allows
        }
        return 1024;
    }

    /** CapBnd of this process: a sandboxed host may lack some capabilities even for root. */
    static long hostCapBounding() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("CapBnd:")) {
                    return Long.parseUnsignedLong(l.substring(7).trim(), 16);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // fall through: assume everything, the runtime reports what it cannot grant
        }
        return -1L;
    }
}
