package dev.jcompose.oci;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a compose service asks of one container, in runtime terms (the orchestrator fills it).
 * Nullable fields mean "not set in the service": {@code entrypoint}/{@code command} null keeps the
 * image's, an empty list clears it (docker semantics).
 *
 * @param environment the service's variables over the image's; a null value unsets the image's variable
 * @param pidsLimit null: jcompose's default ({@link SpecBuilder#DEFAULT_PIDS_LIMIT}); zero or less: unlimited
 * @param shmSizeBytes null: 64 MiB, like docker
 */
public record ContainerSpec(
        List<String> entrypoint,
        List<String> command,
        Map<String, String> environment,
        String workingDir,
        String user,
        List<String> groupAdd,
        String hostname,
        List<VolumeMount> mounts,
        boolean readOnly,
        Resources resources,
        Map<String, Ulimit> ulimits,
        List<String> capAdd,
        List<String> capDrop,
        boolean privileged,
        Map<String, String> sysctls,
        boolean init,
        Network network,
        Long shmSizeBytes,
        boolean seccomp,
        boolean noNewPrivileges,
        String stopSignal,
        Duration stopGracePeriod,
        Options options) {
    /** The {@link Options} namespace choice meaning "the host's". */
    public static final String HOST = "host";

    /** A spec without {@link Options} (what every caller wrote before they existed). */
    public ContainerSpec(
            List<String> entrypoint,
            List<String> command,
            Map<String, String> environment,
            String workingDir,
            String user,
            List<String> groupAdd,
            String hostname,
            List<VolumeMount> mounts,
            boolean readOnly,
            Resources resources,
            Map<String, Ulimit> ulimits,
            List<String> capAdd,
            List<String> capDrop,
            boolean privileged,
            Map<String, String> sysctls,
            boolean init,
            Network network,
            Long shmSizeBytes,
            boolean seccomp,
            boolean noNewPrivileges,
            String stopSignal,
            Duration stopGracePeriod) {
        this(
                entrypoint,
                command,
                environment,
                workingDir,
                user,
                groupAdd,
                hostname,
                mounts,
                readOnly,
                resources,
                ulimits,
                capAdd,
                capDrop,
                privileged,
                sysctls,
                init,
                network,
                shmSizeBytes,
                seccomp,
                noNewPrivileges,
                stopSignal,
                stopGracePeriod,
                Options.NONE);
    }

    public ContainerSpec {
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        command = command == null ? null : List.copyOf(command);
        environment = sorted(environment);
        groupAdd = groupAdd == null ? List.of() : List.copyOf(groupAdd);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        resources = resources == null ? Resources.NONE : resources;
        ulimits = sorted(ulimits);
        capAdd = capAdd == null ? List.of() : List.copyOf(capAdd);
        capDrop = capDrop == null ? List.of() : List.copyOf(capDrop);
        sysctls = sorted(sysctls);
        network = network == null ? Network.NONE : network;
        stopGracePeriod = stopGracePeriod == null ? Duration.ofSeconds(10) : stopGracePeriod;
        options = options == null ? Options.NONE : options;
    }

    /**
     * Settings added after the first version of this record (a persisted spec without them reads as
     * {@link #NONE}); null fields are unset.
     *
     * @param pidNamespace null: a new PID namespace; {@code host}: the host's; else the path of one to join
     * @param ipcNamespace null: a new IPC namespace; {@code host}: the host's; else the path of one to join
     * @param ipcShm       a host directory bound as /dev/shm (a shareable IPC owner's, also bound by those
     *                     joining it), else null for a fresh tmpfs
     */
    public record Options(
            String domainname,
            Integer oomScoreAdj,
            Long memoryReservationBytes,
            Long cpuQuota,
            Long cpuPeriod,
            String pidNamespace,
            String ipcNamespace,
            String ipcShm,
            List<Device> devices,
            Map<String, String> annotations,
            List<DeviceAllow> deviceRules) {
        public static final Options NONE =
                new Options(null, null, null, null, null, null, null, null, List.of(), Map.of(), List.of());

        public Options {
            devices = devices == null ? List.of() : List.copyOf(devices);
            deviceRules = deviceRules == null ? List.of() : List.copyOf(deviceRules);
            annotations = sorted(annotations);
        }

        public Options(
                String domainname,
                Integer oomScoreAdj,
                Long memoryReservationBytes,
                Long cpuQuota,
                Long cpuPeriod,
                String pidNamespace,
                String ipcNamespace,
                String ipcShm) {
            this(
                    domainname,
                    oomScoreAdj,
                    memoryReservationBytes,
                    cpuQuota,
                    cpuPeriod,
                    pidNamespace,
                    ipcNamespace,
                    ipcShm,
                    List.of(),
                    Map.of(),
                    List.of());
        }

        public Options withDevices(List<Device> d) {
            return new Options(
                    domainname,
                    oomScoreAdj,
                    memoryReservationBytes,
                    cpuQuota,
                    cpuPeriod,
                    pidNamespace,
                    ipcNamespace,
                    ipcShm,
                    d,
                    annotations,
                    deviceRules);
        }

        /** OCI annotations of the container's config.json (compose's {@code annotations}). */
        public Options withAnnotations(Map<String, String> a) {
            return new Options(
                    domainname,
                    oomScoreAdj,
                    memoryReservationBytes,
                    cpuQuota,
                    cpuPeriod,
                    pidNamespace,
                    ipcNamespace,
                    ipcShm,
                    devices,
                    a,
                    deviceRules);
        }

        /** Extra devices cgroup allow rules (compose's {@code device_cgroup_rules}). */
        public Options withDeviceRules(List<DeviceAllow> r) {
            return new Options(
                    domainname,
                    oomScoreAdj,
                    memoryReservationBytes,
                    cpuQuota,
                    cpuPeriod,
                    pidNamespace,
                    ipcNamespace,
                    ipcShm,
                    devices,
                    annotations,
                    r);
        }
    }

    /**
     * A host device node made in the container at {@code path} and allowed by the devices cgroup.
     *
     * @param type   {@code c} (character) or {@code b} (block)
     * @param access cgroup access, some of {@code rwm}
     */
    public record Device(String path, String type, long major, long minor, int fileMode, String access) {}

    /** A devices cgroup allow rule; {@code type} a, b or c; null major/minor match any ({@code *}). */
    public record DeviceAllow(String type, Long major, Long minor, String access) {}

    public ContainerSpec withOptions(Options o) {
        return new ContainerSpec(
                entrypoint,
                command,
                environment,
                workingDir,
                user,
                groupAdd,
                hostname,
                mounts,
                readOnly,
                resources,
                ulimits,
                capAdd,
                capDrop,
                privileged,
                sysctls,
                init,
                network,
                shmSizeBytes,
                seccomp,
                noNewPrivileges,
                stopSignal,
                stopGracePeriod,
                o);
    }

    /** A service that sets nothing: the image's defaults, docker's security defaults. */
    public static ContainerSpec defaults() {
        return new ContainerSpec(
                null,
                null,
                Map.of(),
                null,
                null,
                List.of(),
                null,
                List.of(),
                false,
                Resources.NONE,
                Map.of(),
                List.of(),
                List.of(),
                false,
                Map.of(),
                false,
                Network.NONE,
                null,
                true,
                true,
                null,
                null);
    }

    public ContainerSpec withCommand(List<String> c) {
        return new ContainerSpec(
                entrypoint,
                c,
                environment,
                workingDir,
                user,
                groupAdd,
                hostname,
                mounts,
                readOnly,
                resources,
                ulimits,
                capAdd,
                capDrop,
                privileged,
                sysctls,
                init,
                network,
                shmSizeBytes,
                seccomp,
                noNewPrivileges,
                stopSignal,
                stopGracePeriod,
                options);
    }

    public ContainerSpec withEntrypoint(List<String> e) {
        return new ContainerSpec(
                e,
                command,
                environment,
                workingDir,
                user,
                groupAdd,
                hostname,
                mounts,
                readOnly,
                resources,
                ulimits,
                capAdd,
                capDrop,
                privileged,
                sysctls,
                init,
                network,
                shmSizeBytes,
                seccomp,
                noNewPrivileges,
                stopSignal,
                stopGracePeriod,
                options);
    }

    public ContainerSpec withResources(Resources r) {
        return new ContainerSpec(
                entrypoint,
                command,
                environment,
                workingDir,
                user,
                groupAdd,
                hostname,
                mounts,
                readOnly,
                r,
                ulimits,
                capAdd,
                capDrop,
                privileged,
                sysctls,
                init,
                network,
                shmSizeBytes,
                seccomp,
                noNewPrivileges,
                stopSignal,
                stopGracePeriod,
                options);
    }

    public ContainerSpec withStop(String signal, Duration grace) {
        return new ContainerSpec(
                entrypoint,
                command,
                environment,
                workingDir,
                user,
                groupAdd,
                hostname,
                mounts,
                readOnly,
                resources,
                ulimits,
                capAdd,
                capDrop,
                privileged,
                sysctls,
                init,
                network,
                shmSizeBytes,
                seccomp,
                noNewPrivileges,
                signal,
                grace,
                options);
    }

    private static <V> Map<String, V> sorted(Map<String, V> m) {
        return m == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(m));
    }

    /** cgroup limits; null fields are unset. {@code memorySwapBytes} -1 is unlimited swap. */
    public record Resources(
            Long memoryBytes, Long memorySwapBytes, Double cpus, Long cpuShares, String cpusetCpus, Long pidsLimit) {
        public static final Resources NONE = new Resources(null, null, null, null, null, null);
    }

    public record Ulimit(long soft, long hard) {}

    /** A bind mount or a tmpfs in the container. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Bind.class, name = "bind"),
        @JsonSubTypes.Type(value = Tmpfs.class, name = "tmpfs")
    })
    public sealed interface VolumeMount permits Bind, Tmpfs {
        String target();
    }

    public record Bind(String source, String target, boolean readOnly) implements VolumeMount {
        public Bind {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
        }
    }

    /** {@code sizeBytes} null: the kernel's default (half of RAM); {@code mode} null: 1777. */
    public record Tmpfs(String target, Long sizeBytes, Integer mode) implements VolumeMount {}

    /** The container's network namespace: a path the network layer prepared, the host's, or an isolated one. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Network.Path.class, name = "path"),
        @JsonSubTypes.Type(value = Network.Host.class, name = "host"),
        @JsonSubTypes.Type(value = Network.Isolated.class, name = "none")
    })
    public sealed interface Network permits Network.Path, Network.Host, Network.Isolated {
        Network NONE = new Isolated();
        Network HOST = new Host();

        record Path(String netnsPath) implements Network {}

        record Host() implements Network {}

        /** A fresh namespace with loopback only (compose's {@code network_mode: none}). */
        record Isolated() implements Network {}
    }
}
