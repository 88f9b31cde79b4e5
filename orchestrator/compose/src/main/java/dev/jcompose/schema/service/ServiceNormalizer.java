package dev.jcompose.schema.service;

import dev.jcompose.schema.Canonical;
import dev.jcompose.schema.Expect;
import dev.jcompose.schema.KeySet;
import dev.jcompose.schema.NormalizeContext;
import dev.jcompose.schema.command.ShellWords;
import dev.jcompose.schema.port.PortSyntax;
import dev.jcompose.schema.volume.VolumeSyntax;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import dev.jcompose.yaml.YamlPath;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** One service, raw to canonical: every key checked, every syntax rewritten to its long form. */
public final class ServiceNormalizer {
    /** compose-go's ServiceConfig fields in declaration order: the canonical key order. */
    static final List<String> ORDER = List.of(
            "profiles",
            "annotations",
            "attach",
            "build",
            "cap_add",
            "cap_drop",
            "cgroup_parent",
            "cgroup",
            "cpu_period",
            "cpu_quota",
            "cpus",
            "cpuset",
            "cpu_shares",
            "command",
            "configs",
            "container_name",
            "depends_on",
            "deploy",
            "device_cgroup_rules",
            "devices",
            "dns",
            "dns_opt",
            "dns_search",
            "domainname",
            "entrypoint",
            "environment",
            "expose",
            "external_links",
            "extra_hosts",
            "group_add",
            "hostname",
            "healthcheck",
            "image",
            "init",
            "ipc",
            "isolation",
            "labels",
            "links",
            "logging",
            "mem_limit",
            "mem_reservation",
            "memswap_limit",
            "mem_swappiness",
            "mac_address",
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
            "sysctls",
            "tmpfs",
            "tty",
            "ulimits",
            "user",
            "userns_mode",
            "uts",
            "volumes",
            "volumes_from",
            "working_dir");

    /**
     * Keys recognised and kept as written in the canonical tree (compose-go prints them so); the
     * settings audit decides at {@code up} whether each is applied, warned about or refused.
     */
    static final Set<String> KEPT_AS_WRITTEN =
            Set.of("credential_spec", "models", "post_start", "pre_start", "pre_stop", "provider");

    /** Keys recognised but refused: {@code net} (docker-compose v1) is not in the compose spec. */
    static final Set<String> UNSUPPORTED = Set.of("net");

    private static final Set<String> RESTART = Set.of("no", "always", "unless-stopped", "on-failure");
    private static final Pattern PULL_POLICY =
            Pattern.compile("always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+");
    private static final Pattern CONTAINER_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");

    private final NormalizeContext context;
    private final Map<String, FieldRule> rules = new HashMap<>();
    private final KeySet keys;
    private final EnvironmentRules environment;

    public ServiceNormalizer(NormalizeContext context) {
        this.context = context;
        this.environment = new EnvironmentRules(context);
        registerScalars();
        registerCollections();
        registerSyntaxes(context);
        Set<String> known = new HashSet<>(rules.keySet());
        known.addAll(UNSUPPORTED);
        known.addAll(KEPT_AS_WRITTEN);
        known.addAll(List.of("environment", "env_file", "extends"));
        this.keys = new KeySet(known);
    }

    private void register(FieldRule rule, String... keys) {
        for (String k : keys) {
            rules.put(k, rule);
        }
    }

    private void registerScalars() {
        register(
                SimpleRules.STRING,
                "cgroup_parent",
                "cpuset",
                "domainname",
                "hostname",
                "image",
                "ipc",
                "isolation",
                "mac_address",
                "pid",
                "platform",
                "pull_refresh_after",
                "runtime",
                "stop_signal",
                "userns_mode",
                "uts",
                "working_dir");
        register(SimpleRules.TEXT, "user");
        register(SimpleRules.FLAG, "oom_kill_disable", "privileged", "read_only", "stdin_open", "tty");
        register(SimpleRules.OPTIONAL_BOOL, "init", "attach");
        register(
                SimpleRules.INT,
                "cpu_count",
                "cpu_period",
                "cpu_quota",
                "cpu_rt_period",
                "cpu_rt_runtime",
                "cpu_shares",
                "oom_score_adj",
                "pids_limit");
        register(SimpleRules.BYTES, "mem_limit", "mem_reservation", "memswap_limit", "mem_swappiness", "shm_size");
        register(SimpleRules.DURATION, "stop_grace_period");
        register(SimpleRules.CPUS, "cpus", "cpu_percent");
        register(SimpleRules.FLAG, "use_api_socket");
        register(ServiceNormalizer::gpus, "gpus");
        register(SimpleRules.OPTIONAL_COUNT, "scale");
        register(ServiceNormalizer::restart, "restart");
        register(ServiceNormalizer::pullPolicy, "pull_policy");
        register(ServiceNormalizer::networkMode, "network_mode");
        register(ServiceNormalizer::containerName, "container_name");
        register(ServiceNormalizer::cgroup, "cgroup");
    }

    private void registerCollections() {
        register(
                SimpleRules.STRINGS,
                "cap_add",
                "cap_drop",
                "device_cgroup_rules",
                "dns_opt",
                "external_links",
                "links",
                "profiles",
                "security_opt",
                "volumes_from");
        register(SimpleRules.TEXTS, "group_add", "expose");
        register(SimpleRules.STRING_OR_LIST, "dns", "dns_search", "tmpfs");
        register(SimpleRules.STRING_MAP, "labels", "annotations", "sysctls", "storage_opt");
        register(
                (v, p) -> {
                    Node paths = SimpleRules.STRING_OR_LIST.apply(v, p);
                    return paths == null
                            ? null
                            : Canonical.strings(
                                    Expect.strings(paths, p).stream()
                                            .map(context::resolvePath)
                                            .toList(),
                                    v.location());
                },
                "label_file");
        register(ServiceNormalizer::command, "command", "entrypoint");
    }

    private void registerSyntaxes(NormalizeContext context) {
        VolumeSyntax volumes = new VolumeSyntax(context);
        DeployRules deploy = new DeployRules(context);
        BuildRules build = new BuildRules(context);
        register(PortSyntax::normalize, "ports");
        register(volumes::normalize, "volumes");
        register(build::build, "build");
        DevelopRules develop = new DevelopRules(context);
        register(develop::develop, "develop");
        register(DevelopRules::blkioConfig, "blkio_config");
        register(HealthRules::healthcheck, "healthcheck");
        register(deploy::deploy, "deploy");
        register(DeployRules::ulimits, "ulimits");
        register(LinkRules::dependsOn, "depends_on");
        register(LinkRules::networks, "networks");
        register(LinkRules::extraHosts, "extra_hosts");
        register((v, p) -> LinkRules.fileReferences(v, p, true), "secrets");
        register((v, p) -> LinkRules.fileReferences(v, p, false), "configs");
        register(LinkRules::devices, "devices");
        register(LinkRules::logging, "logging");
    }

    public MapNode normalize(String name, Node raw, YamlPath path) {
        MapNode service =
                raw instanceof ScalarNode s && s.isNull() ? MapNode.empty(raw.location()) : Expect.map(raw, path);
        keys.check(service, path);
        Canonical.Obj out = new Canonical.Obj(service.location());
        for (MapNode.Field f : service.fields()) {
            YamlPath p = path.key(f.key());
            FieldRule rule = rules.get(f.key());
            if (rule != null) {
                out.put(f.key(), f.keyLocation(), rule.apply(f.value(), p));
            } else if (UNSUPPORTED.contains(f.key())) {
                throw new dev.jcompose.yaml.ComposeFileException(
                        f.keyLocation(), p, "not supported by jcompose", "use network_mode instead");
            } else if (KEPT_AS_WRITTEN.contains(f.key()) || f.key().startsWith("x-")) {
                out.put(f.key(), f.keyLocation(), f.value());
            }
        }
        environment.apply(service, path, out);
        environment.labelFiles(out, path);
        DerivedDependencies.add(service, out);
        for (String k : List.of("command", "entrypoint")) {
            if (!out.has(k)) {
                out.put(k, Canonical.nul(service.location())); // compose-go writes "command": null
            }
        }
        ServiceChecks.check(name, service, path, out, context);
        return out.ordered(ORDER);
    }

    /** compose-go: {@code gpus: all} is one device request for every GPU ({@code count: -1}). */
    static Node gpus(Node v, YamlPath p) {
        if (v instanceof ScalarNode s && "all".equals(s.text())) {
            Canonical.Obj all = new Canonical.Obj(v.location()).put("count", Canonical.integer(-1, v.location()));
            return Canonical.seq(List.of(all.build()), v.location());
        }
        return Expect.seq(v, p);
    }

    static Node command(Node v, YamlPath p) {
        if (v instanceof ScalarNode s && s.isNull()) {
            return Canonical.nul(v.location());
        }
        if (v instanceof SeqNode) {
            return Canonical.strings(Expect.texts(v, p), v.location());
        }
        String line = Expect.string(v, p);
        List<String> words =
                Expect.parse(v, p, "check the quotes: every ' and \" must be closed", () -> ShellWords.split(line));
        return Canonical.strings(words, v.location());
    }

    static Node restart(Node v, YamlPath p) {
        String r = Expect.string(v, p);
        String base = r.startsWith("on-failure:") ? "on-failure" : r;
        boolean valid = RESTART.contains(base)
                && (base.equals(r) || r.substring("on-failure:".length()).matches("\\d+"));
        if (!valid) {
            throw Expect.error(
                    v,
                    p,
                    "invalid restart policy '" + r + "'",
                    "use no, always, on-failure, on-failure:N (N retries) or unless-stopped");
        }
        return Canonical.string(r, v.location());
    }

    static Node pullPolicy(Node v, YamlPath p) {
        String r = Expect.string(v, p);
        if (!PULL_POLICY.matcher(r).matches()) {
            throw Expect.error(
                    v,
                    p,
                    "invalid pull_policy '" + r + "'",
                    "use always, never, missing, if_not_present, build, refresh, daily, weekly or every_<duration>");
        }
        // compose-go treats if_not_present as an alias of missing.
        return Canonical.string(r.equals("if_not_present") ? "missing" : r, v.location());
    }

    static Node networkMode(Node v, YamlPath p) {
        String r = Expect.string(v, p);
        boolean valid = Set.of("host", "none", "bridge", "default").contains(r)
                || (r.startsWith("service:") && r.length() > 8)
                || (r.startsWith("container:") && r.length() > 10);
        if (!valid) {
            throw Expect.error(
                    v,
                    p,
                    "invalid network_mode '" + r + "'",
                    "use host, none, bridge, service:<service> or container:<container>; "
                            + "to join a network, list it under networks");
        }
        return Canonical.string(r, v.location());
    }

    static Node containerName(Node v, YamlPath p) {
        String r = Expect.string(v, p);
        if (!CONTAINER_NAME.matcher(r).matches()) {
            throw Expect.error(
                    v,
                    p,
                    "container_name '" + r + "' does not match [a-zA-Z0-9][a-zA-Z0-9_.-]+",
                    "use letters, digits, '_', '.' and '-', starting with a letter or digit");
        }
        return Canonical.string(r, v.location());
    }

    static Node cgroup(Node v, YamlPath p) {
        String r = Expect.string(v, p);
        if (!r.equals("host") && !r.equals("private")) {
            throw Expect.error(v, p, "invalid cgroup '" + r + "'", "use host or private");
        }
        return Canonical.string(r, v.location());
    }
}
