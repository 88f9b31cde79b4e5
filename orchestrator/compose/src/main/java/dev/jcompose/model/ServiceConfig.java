package dev.jcompose.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One service of the canonical model, field for field compose-go's {@code ServiceConfig} in its JSON
 * order. Inclusion rules mirror Go's: non-pointer fields are left out when zero, pointer fields
 * (boxed here) only when unset, {@code command}/{@code entrypoint} always ({@code null} = not set,
 * {@code []} = explicitly empty). Options jcompose does not act on are kept as raw JSON so the
 * model still round-trips them.
 */
@JsonInclude(Include.NON_EMPTY)
@JsonPropertyOrder({
    "profiles",
    "annotations",
    "attach",
    "build",
    "develop",
    "blkio_config",
    "cap_add",
    "cap_drop",
    "cgroup_parent",
    "cgroup",
    "cpu_count",
    "cpu_percent",
    "cpu_period",
    "cpu_quota",
    "cpu_rt_period",
    "cpu_rt_runtime",
    "cpus",
    "cpuset",
    "cpu_shares",
    "command",
    "configs",
    "container_name",
    "credential_spec",
    "depends_on",
    "deploy",
    "device_cgroup_rules",
    "devices",
    "dns",
    "dns_opt",
    "dns_search",
    "dockerfile",
    "domainname",
    "entrypoint",
    "provider",
    "environment",
    "env_file",
    "expose",
    "extends",
    "external_links",
    "extra_hosts",
    "group_add",
    "gpus",
    "hostname",
    "healthcheck",
    "image",
    "init",
    "ipc",
    "isolation",
    "labels",
    "label_file",
    "links",
    "logging",
    "log_driver",
    "log_opt",
    "mem_limit",
    "mem_reservation",
    "memswap_limit",
    "mem_swappiness",
    "mac_address",
    "models",
    "net",
    "network_mode",
    "networks",
    "oom_kill_disable",
    "oom_score_adj",
    "pid",
    "pids_limit",
    "platform",
    "ports",
    "privileged",
    "pull_policy",
    "pull_refresh_after",
    "read_only",
    "restart",
    "runtime",
    "scale",
    "secrets",
    "security_opt",
    "shm_size",
    "stdin_open",
    "stop_grace_period",
    "stop_signal",
    "storage_opt",
    "sysctls",
    "tmpfs",
    "tty",
    "ulimits",
    "use_api_socket",
    "user",
    "userns_mode",
    "uts",
    "volume_driver",
    "volumes",
    "volumes_from",
    "working_dir",
    "post_start",
    "pre_start",
    "pre_stop"
})
public record ServiceConfig(
        List<String> profiles,
        SortedMap<String, String> annotations,
        @JsonInclude(Include.NON_NULL) Boolean attach,
        @JsonInclude(Include.NON_NULL) BuildConfig build,
        @JsonInclude(Include.NON_NULL) JsonNode develop,
        @JsonInclude(Include.NON_NULL) JsonNode blkioConfig,
        List<String> capAdd,
        List<String> capDrop,
        String cgroupParent,
        String cgroup,
        @JsonInclude(Include.NON_DEFAULT) long cpuCount,
        @JsonInclude(Include.NON_DEFAULT) float cpuPercent,
        @JsonInclude(Include.NON_DEFAULT) long cpuPeriod,
        @JsonInclude(Include.NON_DEFAULT) long cpuQuota,
        @JsonInclude(Include.NON_DEFAULT) long cpuRtPeriod,
        @JsonInclude(Include.NON_DEFAULT) long cpuRtRuntime,
        @JsonInclude(Include.NON_DEFAULT) float cpus,
        String cpuset,
        @JsonInclude(Include.NON_DEFAULT) long cpuShares,
        @JsonInclude(Include.ALWAYS) List<String> command,
        List<FileReference> configs,
        String containerName,
        @JsonInclude(Include.NON_NULL) JsonNode credentialSpec,
        SortedMap<String, ServiceDependency> dependsOn,
        @JsonInclude(Include.NON_NULL) Deploy deploy,
        List<String> deviceCgroupRules,
        @JsonInclude(Include.NON_NULL) JsonNode devices,
        List<String> dns,
        List<String> dnsOpt,
        List<String> dnsSearch,
        String dockerfile,
        String domainname,
        @JsonInclude(Include.ALWAYS) List<String> entrypoint,
        @JsonInclude(Include.NON_NULL) JsonNode provider,
        SortedMap<String, String> environment,
        @JsonInclude(Include.NON_NULL) JsonNode envFile,
        List<String> expose,

        @JsonProperty("extends") @JsonInclude(Include.NON_NULL)
        JsonNode extendsConfig,

        List<String> externalLinks,
        List<String> extraHosts,
        List<String> groupAdd,
        @JsonInclude(Include.NON_NULL) JsonNode gpus,
        String hostname,
        @JsonInclude(Include.NON_NULL) Healthcheck healthcheck,
        String image,
        @JsonInclude(Include.NON_NULL) Boolean init,
        String ipc,
        String isolation,
        SortedMap<String, String> labels,
        List<String> labelFile,
        List<String> links,
        @JsonInclude(Include.NON_NULL) Logging logging,
        String logDriver,
        SortedMap<String, String> logOpt,

        @JsonInclude(Include.NON_DEFAULT)
        @JsonSerialize(using = ByteSizeJson.Serializer.class)
        @JsonDeserialize(using = ByteSizeJson.Deserializer.class)
        long memLimit,

        @JsonInclude(Include.NON_DEFAULT)
        @JsonSerialize(using = ByteSizeJson.Serializer.class)
        @JsonDeserialize(using = ByteSizeJson.Deserializer.class)
        long memReservation,

        @JsonInclude(Include.NON_DEFAULT)
        @JsonSerialize(using = ByteSizeJson.Serializer.class)
        @JsonDeserialize(using = ByteSizeJson.Deserializer.class)
        long memswapLimit,

        @JsonInclude(Include.NON_DEFAULT)
        @JsonSerialize(using = ByteSizeJson.Serializer.class)
        @JsonDeserialize(using = ByteSizeJson.Deserializer.class)
        long memSwappiness,

        String macAddress,
        @JsonInclude(Include.NON_NULL) JsonNode models,
        String net,
        String networkMode,
        SortedMap<String, ServiceNetwork> networks,
        @JsonInclude(Include.NON_DEFAULT) boolean oomKillDisable,
        @JsonInclude(Include.NON_DEFAULT) long oomScoreAdj,
        String pid,
        @JsonInclude(Include.NON_DEFAULT) long pidsLimit,
        String platform,
        List<ServicePort> ports,
        @JsonInclude(Include.NON_DEFAULT) boolean privileged,
        String pullPolicy,
        String pullRefreshAfter,
        @JsonInclude(Include.NON_DEFAULT) boolean readOnly,
        String restart,
        String runtime,
        @JsonInclude(Include.NON_NULL) Integer scale,
        List<FileReference> secrets,
        List<String> securityOpt,

        @JsonInclude(Include.NON_DEFAULT)
        @JsonSerialize(using = ByteSizeJson.Serializer.class)
        @JsonDeserialize(using = ByteSizeJson.Deserializer.class)
        long shmSize,

        @JsonInclude(Include.NON_DEFAULT) boolean stdinOpen,

        @JsonSerialize(using = DurationJson.Serializer.class) @JsonDeserialize(using = DurationJson.Deserializer.class)
        Duration stopGracePeriod,

        String stopSignal,
        SortedMap<String, String> storageOpt,
        SortedMap<String, String> sysctls,
        List<String> tmpfs,
        @JsonInclude(Include.NON_DEFAULT) boolean tty,
        SortedMap<String, Ulimit> ulimits,
        @JsonInclude(Include.NON_DEFAULT) boolean useApiSocket,
        String user,
        String usernsMode,
        String uts,
        String volumeDriver,
        List<ServiceVolume> volumes,
        List<String> volumesFrom,
        String workingDir,
        @JsonInclude(Include.NON_NULL) JsonNode postStart,
        @JsonInclude(Include.NON_NULL) JsonNode preStart,
        @JsonInclude(Include.NON_NULL) JsonNode preStop,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extensions) {

    public ServiceConfig {
        profiles = Copies.list(profiles);
        annotations = Copies.map(annotations);
        capAdd = Copies.list(capAdd);
        capDrop = Copies.list(capDrop);
        command = command == null ? null : List.copyOf(command);
        configs = Copies.list(configs);
        dependsOn = Copies.map(dependsOn);
        deviceCgroupRules = Copies.list(deviceCgroupRules);
        dns = Copies.list(dns);
        dnsOpt = Copies.list(dnsOpt);
        dnsSearch = Copies.list(dnsSearch);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        environment = Copies.map(environment);
        expose = Copies.list(expose);
        externalLinks = Copies.list(externalLinks);
        extraHosts = Copies.list(extraHosts);
        groupAdd = Copies.list(groupAdd);
        labels = Copies.map(labels);
        labelFile = Copies.list(labelFile);
        links = Copies.list(links);
        logOpt = Copies.map(logOpt);
        networks = Copies.map(networks);
        ports = Copies.list(ports);
        secrets = Copies.list(secrets);
        securityOpt = Copies.list(securityOpt);
        storageOpt = Copies.map(storageOpt);
        sysctls = Copies.map(sysctls);
        tmpfs = Copies.list(tmpfs);
        ulimits = Copies.map(ulimits);
        volumes = Copies.list(volumes);
        volumesFrom = Copies.list(volumesFrom);
        extensions = Copies.extensions(extensions);
    }

    /** A service with nothing set, to build one field by field. */
    public static final ServiceConfig EMPTY = RecordCopy.empty(ServiceConfig.class);

    // withX: this service with one field replaced (null unsets it); the record stays immutable.

    public ServiceConfig withCommand(List<String> command) {
        return RecordCopy.with(this, "command", command);
    }

    public ServiceConfig withContainerName(String containerName) {
        return RecordCopy.with(this, "containerName", containerName);
    }

    public ServiceConfig withDependsOn(Map<String, ServiceDependency> dependsOn) {
        return RecordCopy.with(this, "dependsOn", Copies.map(dependsOn));
    }

    public ServiceConfig withEntrypoint(List<String> entrypoint) {
        return RecordCopy.with(this, "entrypoint", entrypoint);
    }

    public ServiceConfig withEnvironment(Map<String, String> environment) {
        return RecordCopy.with(this, "environment", Copies.map(environment));
    }

    public ServiceConfig withLabels(Map<String, String> labels) {
        return RecordCopy.with(this, "labels", Copies.map(labels));
    }

    public ServiceConfig withPorts(List<ServicePort> ports) {
        return RecordCopy.with(this, "ports", ports);
    }

    public ServiceConfig withRestart(String restart) {
        return RecordCopy.with(this, "restart", restart);
    }

    public ServiceConfig withScale(Integer scale) {
        return RecordCopy.with(this, "scale", scale);
    }

    public ServiceConfig withStdinOpen(boolean stdinOpen) {
        return RecordCopy.with(this, "stdinOpen", stdinOpen);
    }

    public ServiceConfig withTty(boolean tty) {
        return RecordCopy.with(this, "tty", tty);
    }

    public ServiceConfig withVolumes(List<ServiceVolume> volumes) {
        return RecordCopy.with(this, "volumes", volumes);
    }

    public ServiceConfig withUser(String user) {
        return RecordCopy.with(this, "user", user);
    }

    public ServiceConfig withWorkingDir(String workingDir) {
        return RecordCopy.with(this, "workingDir", workingDir);
    }

    /** Number of containers: {@code scale}, else {@code deploy.replicas}, else 1 (compose-go's GetScale). */
    public int effectiveScale() {
        if (scale != null) {
            return scale;
        }
        if (deploy != null && deploy.replicas() != null) {
            return deploy.replicas();
        }
        return 1;
    }

    /** Network names by attachment priority (highest first), ties by name, as compose-go orders them. */
    public List<String> networksByPriority() {
        return networks.entrySet().stream()
                .sorted((a, b) -> {
                    int pa = a.getValue() == null ? 0 : a.getValue().priority();
                    int pb = b.getValue() == null ? 0 : b.getValue().priority();
                    return pa != pb ? Integer.compare(pb, pa) : a.getKey().compareTo(b.getKey());
                })
                .map(java.util.Map.Entry::getKey)
                .toList();
    }
}
