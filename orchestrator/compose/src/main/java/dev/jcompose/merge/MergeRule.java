package dev.jcompose.merge;

import dev.jcompose.yaml.YamlPath;
import java.util.List;
import java.util.Map;

/**
 * How two values at one path of a compose document merge (compose-spec merge.md, compose-go's
 * override rules). Anything not listed here merges by {@link #DEFAULT}: mappings recursively,
 * sequences appended (then de-duplicated by {@link SequenceKeys}), scalars replaced.
 */
enum MergeRule {
    DEFAULT,
    /** The override replaces the base as a whole: command, entrypoint, healthcheck.test. */
    REPLACE,
    /** List ({@code KEY=VAL}) or mapping forms, merged by key; a null override value replaces too. */
    KEY_VALUE,
    /** List of names or mapping of name to options (depends_on, networks, models), merged by name. */
    NAMES_OR_MAPPING,
    /** {@code build: ctx} is {@code build: {context: ctx}}. */
    BUILD,
    /** Options merge only when both sides use the same driver (or one names none). */
    LOGGING,
    /** List or mapping of host to address(es); entries are unioned. */
    EXTRA_HOSTS,
    /** A single string stands for a one-item list: dns, dns_search, dns_opt, tmpfs, env_file. */
    STRING_OR_LIST,
    /** One ulimit: mappings merge, any other combination is replaced by the override. */
    ULIMIT,
    /** networks.*.ipam.config: entries merge by subnet. */
    IPAM_CONFIG;

    private static final Map<String, MergeRule> SERVICE_KEYS = Map.ofEntries(
            Map.entry("command", REPLACE),
            Map.entry("entrypoint", REPLACE),
            Map.entry("environment", KEY_VALUE),
            Map.entry("labels", KEY_VALUE),
            Map.entry("annotations", KEY_VALUE),
            Map.entry("sysctls", KEY_VALUE),
            Map.entry("depends_on", NAMES_OR_MAPPING),
            Map.entry("networks", NAMES_OR_MAPPING),
            Map.entry("models", NAMES_OR_MAPPING),
            Map.entry("build", BUILD),
            Map.entry("logging", LOGGING),
            Map.entry("extra_hosts", EXTRA_HOSTS),
            Map.entry("dns", STRING_OR_LIST),
            Map.entry("dns_search", STRING_OR_LIST),
            Map.entry("dns_opt", STRING_OR_LIST),
            Map.entry("tmpfs", STRING_OR_LIST),
            Map.entry("env_file", STRING_OR_LIST),
            Map.entry("label_file", STRING_OR_LIST));

    private static final List<Pattern> PATTERNS = List.of(
            new Pattern(REPLACE, "services", "*", "healthcheck", "test"),
            new Pattern(KEY_VALUE, "services", "*", "build", "args"),
            new Pattern(KEY_VALUE, "services", "*", "build", "labels"),
            new Pattern(KEY_VALUE, "services", "*", "build", "additional_contexts"),
            new Pattern(EXTRA_HOSTS, "services", "*", "build", "extra_hosts"),
            new Pattern(KEY_VALUE, "services", "*", "deploy", "labels"),
            new Pattern(ULIMIT, "services", "*", "ulimits", "*"),
            new Pattern(KEY_VALUE, "networks", "*", "labels"),
            new Pattern(KEY_VALUE, "volumes", "*", "labels"),
            new Pattern(KEY_VALUE, "secrets", "*", "labels"),
            new Pattern(KEY_VALUE, "configs", "*", "labels"),
            new Pattern(IPAM_CONFIG, "networks", "*", "ipam", "config"));

    private record Pattern(MergeRule rule, String... segments) {
        boolean matches(YamlPath path) {
            if (path.depth() != segments.length) {
                return false;
            }
            for (int i = 0; i < segments.length; i++) {
                if (!segments[i].equals("*") && !segments[i].equals(path.segment(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    static MergeRule at(YamlPath path) {
        if (path.depth() == 3 && "services".equals(path.segment(0)) && path.segment(2) instanceof String key) {
            return SERVICE_KEYS.getOrDefault(key, DEFAULT);
        }
        for (Pattern p : PATTERNS) {
            if (p.matches(path)) {
                return p.rule();
            }
        }
        return DEFAULT;
    }

    /** True below a {@link #KEY_VALUE} node: there a null override unsets the value instead of keeping it. */
    static boolean isKeyValueEntry(YamlPath path) {
        return path.depth() > 0 && at(path.parent()) == KEY_VALUE;
    }
}
