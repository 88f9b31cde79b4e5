package dev.jcompose.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The OCI runtime spec (v1.0.2) {@code config.json}, as far as jcompose fills it. Null fields are
 * left out of the JSON; lists keep their order; maps are sorted for deterministic output.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuntimeSpec(
        String ociVersion,
        Process process,
        Root root,
        String hostname,
        List<Mount> mounts,
        Linux linux,
        String domainname,
        Map<String, String> annotations) {
    public static final String VERSION = "1.0.2";

    public RuntimeSpec(
            String ociVersion, Process process, Root root, String hostname, List<Mount> mounts, Linux linux) {
        this(ociVersion, process, root, hostname, mounts, linux, null, null);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Process(
            boolean terminal,
            User user,
            List<String> args,
            List<String> env,
            String cwd,
            Capabilities capabilities,
            List<Rlimit> rlimits,
            boolean noNewPrivileges,
            Integer oomScoreAdj) {
        public Process(
                boolean terminal,
                User user,
                List<String> args,
                List<String> env,
                String cwd,
                Capabilities capabilities,
                List<Rlimit> rlimits,
                boolean noNewPrivileges) {
            this(terminal, user, args, env, cwd, capabilities, rlimits, noNewPrivileges, null);
        }
    }

    /** {@code additionalGids} null when there are none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record User(int uid, int gid, List<Integer> additionalGids) {}

    public record Capabilities(
            List<String> bounding,
            List<String> effective,
            List<String> inheritable,
            List<String> permitted,
            List<String> ambient) {}

    public record Rlimit(String type, long hard, long soft) {}

    public record Root(String path, boolean readonly) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Mount(String destination, String type, String source, List<String> options) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Linux(
            List<Namespace> namespaces,
            Resources resources,
            String cgroupsPath,
            Map<String, String> sysctl,
            Seccomp seccomp,
            List<String> maskedPaths,
            List<String> readonlyPaths,
            List<Device> devices) {
        public Linux(
                List<Namespace> namespaces,
                Resources resources,
                String cgroupsPath,
                Map<String, String> sysctl,
                Seccomp seccomp,
                List<String> maskedPaths,
                List<String> readonlyPaths) {
            this(namespaces, resources, cgroupsPath, sysctl, seccomp, maskedPaths, readonlyPaths, null);
        }
    }

    /** A device node the runtime creates in the container ({@code linux.devices}). */
    public record Device(String path, String type, long major, long minor, int fileMode, int uid, int gid) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Namespace(String type, String path) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resources(List<DeviceRule> devices, Memory memory, Cpu cpu, Pids pids) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeviceRule(boolean allow, String type, Long major, Long minor, String access) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Memory(Long limit, Long swap, Long reservation) {
        public Memory(Long limit, Long swap) {
            this(limit, swap, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cpu(Long shares, Long quota, Long period, String cpus) {}

    public record Pids(long limit) {}

    public record Seccomp(String defaultAction, List<String> architectures, List<Syscall> syscalls) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Syscall(List<String> names, String action, Integer errnoRet) {}
}
