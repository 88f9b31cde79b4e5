package dev.jcompose.oci;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Docker's security defaults: capabilities, masked and read-only paths, sysctl allowlist, seccomp. */
public final class SecurityDefaults {
    /** All capabilities of Linux 5.9+, in kernel number order. */
    public static final List<String> ALL_CAPS = List.of(
            "CAP_CHOWN",
            "CAP_DAC_OVERRIDE",
            "CAP_DAC_READ_SEARCH",
            "CAP_FOWNER",
            "CAP_FSETID",
            "CAP_KILL",
            "CAP_SETGID",
            "CAP_SETUID",
            "CAP_SETPCAP",
            "CAP_LINUX_IMMUTABLE",
            "CAP_NET_BIND_SERVICE",
            "CAP_NET_BROADCAST",
            "CAP_NET_ADMIN",
            "CAP_NET_RAW",
            "CAP_IPC_LOCK",
            "CAP_IPC_OWNER",
            "CAP_SYS_MODULE",
            "CAP_SYS_RAWIO",
            "CAP_SYS_CHROOT",
            "CAP_SYS_PTRACE",
            "CAP_SYS_PACCT",
            "CAP_SYS_ADMIN",
            "CAP_SYS_BOOT",
            "CAP_SYS_NICE",
            "CAP_SYS_RESOURCE",
            "CAP_SYS_TIME",
            "CAP_SYS_TTY_CONFIG",
            "CAP_MKNOD",
            "CAP_LEASE",
            "CAP_AUDIT_WRITE",
            "CAP_AUDIT_CONTROL",
            "CAP_SETFCAP",
            "CAP_MAC_OVERRIDE",
            "CAP_MAC_ADMIN",
            "CAP_SYSLOG",
            "CAP_WAKE_ALARM",
            "CAP_BLOCK_SUSPEND",
            "CAP_AUDIT_READ",
            "CAP_PERFMON",
            "CAP_BPF",
            "CAP_CHECKPOINT_RESTORE");
    /** Docker's 14 default capabilities, in kernel number order. */
    public static final List<String> DEFAULT_CAPS = List.of(
            "CAP_CHOWN",
            "CAP_DAC_OVERRIDE",
            "CAP_FOWNER",
            "CAP_FSETID",
            "CAP_KILL",
            "CAP_SETGID",
            "CAP_SETUID",
            "CAP_SETPCAP",
            "CAP_NET_BIND_SERVICE",
            "CAP_NET_RAW",
            "CAP_SYS_CHROOT",
            "CAP_MKNOD",
            "CAP_AUDIT_WRITE",
            "CAP_SETFCAP");

    public static final List<String> MASKED_PATHS = List.of(
            "/proc/acpi",
            "/proc/asound",
            "/proc/interrupts",
            "/proc/kcore",
            "/proc/keys",
            "/proc/latency_stats",
            "/proc/sched_debug",
            "/proc/scsi",
            "/proc/timer_list",
            "/proc/timer_stats",
            "/sys/devices/virtual/powercap",
            "/sys/firmware");
    public static final List<String> READONLY_PATHS =
            List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

    /**
     * The default seccomp profile is a DENY-list (default action allow), not Docker's allow-list: it
     * refuses with EPERM the syscalls that reach kernel-global state or widen the attack surface and
     * that no ordinary service needs. Simpler to audit, weaker than Docker's against unknown syscalls.
     */
    public static final List<String> SECCOMP_DENIED = List.of(
            "acct",
            "add_key",
            "bpf",
            "clock_adjtime",
            "clock_settime",
            "create_module",
            "delete_module",
            "finit_module",
            "fsconfig",
            "fsmount",
            "fsopen",
            "fspick",
            "get_kernel_syms",
            "init_module",
            "ioperm",
            "iopl",
            "kexec_file_load",
            "kexec_load",
            "keyctl",
            "lookup_dcookie",
            "mount",
            "mount_setattr",
            "move_mount",
            "name_to_handle_at",
            "nfsservctl",
            "open_by_handle_at",
            "open_tree",
            "perf_event_open",
            "pivot_root",
            "quotactl",
            "reboot",
            "request_key",
            "setns",
            "settimeofday",
            "swapoff",
            "swapon",
            "sysfs",
            "umount2",
            "unshare",
            "uselib",
            "userfaultfd",
            "ustat",
            "vm86",
            "vm86old");

    private SecurityDefaults() {}

    /** Docker's rules: privileged gets all; else defaults, minus drops (ALL: every one), plus adds (ALL: every one). */
    public static List<String> capabilities(boolean privileged, List<String> add, List<String> drop) {
        if (privileged) {
            return ALL_CAPS;
        }
        Set<String> adds = normalize(add);
        Set<String> drops = normalize(drop);
        Set<String> caps = new LinkedHashSet<>(drops.contains("ALL") ? List.of() : DEFAULT_CAPS);
        caps.removeAll(drops);
        caps.addAll(adds.contains("ALL") ? ALL_CAPS : adds);
        if (adds.contains("ALL")) {
            caps.removeAll(drops);
        }
        List<String> ordered = new ArrayList<>(ALL_CAPS);
        ordered.retainAll(caps);
        return List.copyOf(ordered);
    }

    private static Set<String> normalize(List<String> caps) {
        Set<String> out = new LinkedHashSet<>();
        for (String c : caps) {
            String u = c.toUpperCase(Locale.ROOT);
            String n = u.equals("ALL") || u.startsWith("CAP_") ? u : "CAP_" + u;
            if (!n.equals("ALL") && !ALL_CAPS.contains(n)) {
                throw new SpecException(
                        "unknown capability '" + c + "'", "use a name from capabilities(7), e.g. NET_ADMIN, or ALL");
            }
            out.add(n);
        }
        return out;
    }

    /**
     * Keeps only namespaced sysctls (docker's allowlist): {@code net.*} when the container has its own
     * network namespace, {@code kernel.shm*}, {@code kernel.msg*}, {@code kernel.sem}, {@code fs.mqueue.*}.
     */
    public static Map<String, String> sysctls(Map<String, String> requested, boolean ownNetwork) {
        Map<String, String> out = new TreeMap<>();
        for (var e : requested.entrySet()) {
            String k = e.getKey();
            boolean ipc = k.startsWith("kernel.shm")
                    || k.startsWith("kernel.msg")
                    || k.equals("kernel.sem")
                    || k.startsWith("fs.mqueue.");
            if (k.startsWith("net.") && !ownNetwork) {
                throw new SpecException(
                        "sysctl " + k + " cannot be set with network_mode: host",
                        "it would change the host's network settings; drop it or give the service its own network");
            }
            if (!ipc && !k.startsWith("net.")) {
                throw new SpecException(
                        "sysctl " + k + " is not namespaced: it would change the whole host",
                        "only net.*, kernel.shm*, kernel.msg*, kernel.sem and fs.mqueue.* can be set per container");
            }
            out.put(k, e.getValue());
        }
        return out;
    }

    public static RuntimeSpec.Seccomp seccomp() {
        return new RuntimeSpec.Seccomp(
                "SCMP_ACT_ALLOW",
                List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32", "SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM"),
                List.of(new RuntimeSpec.Syscall(SECCOMP_DENIED, "SCMP_ACT_ERRNO", 1)));
    }
}
