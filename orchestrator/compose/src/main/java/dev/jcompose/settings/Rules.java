package dev.jcompose.settings;

import static dev.jcompose.settings.ServiceSettings.refuse;
import static dev.jcompose.settings.ServiceSettings.warn;

import dev.jcompose.settings.ServiceSettings.Issue;
import dev.jcompose.settings.ServiceSettings.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The table itself: one line per {@code ServiceConfig} field, by record component name. */
final class Rules {
    private Rules() {}

    /** Applied to the container, some with values that are not. */
    static void honoured(Map<String, Rule> r) {
        for (String c : List.of(
                "capAdd",
                "capDrop",
                "cpus",
                "cpuset",
                "cpuShares",
                "command",
                "dns",
                "dnsOpt",
                "dnsSearch",
                "entrypoint",
                "environment",
                "extraHosts",
                "groupAdd",
                "hostname",
                "healthcheck",
                "init",
                "labels",
                "memLimit",
                "memswapLimit",
                "networks",
                "pidsLimit",
                "ports",
                "privileged",
                "readOnly",
                "restart",
                "shmSize",
                "stopGracePeriod",
                "stopSignal",
                "sysctls",
                "ulimits",
                "user",
                "workingDir",
                "configs",
                "secrets",
                "domainname",
                "oomScoreAdj",
                "memReservation",
                "cpuQuota",
                "cpuPeriod",
                "volumesFrom",
                "devices",
                "annotations",
                "deviceCgroupRules",
                "stdinOpen",
                "tty",
                "macAddress")) {
            put(r, c, Support.HONOURED, ServiceSettings::none);
        }
        put(r, "deploy", Support.HONOURED, ServiceSettings::deploy);
        put(r, "volumes", Support.HONOURED, v -> volumeOptions(volumes(v)));
        put(r, "logging", Support.HONOURED, ServiceSettings::logging);
        put(r, "networkMode", Support.HONOURED, ServiceSettings::none);
        put(r, "securityOpt", Support.HONOURED, v -> securityOpts(strings(v)));
        // a link's alias resolves in the linking container only (the embedded DNS answers per container)
        put(r, "links", Support.HONOURED, ServiceSettings::none);
        put(r, "tmpfs", Support.HONOURED, v -> tmpfsOptions(strings(v)));
        put(
                r,
                "ipc",
                Support.HONOURED,
                v -> oneOf(v, "private", "shareable", "host") || shares(v)
                        ? List.of()
                        : warn("'" + v + "' is not supported yet: the container gets its own IPC namespace"));
        put(
                r,
                "pid",
                Support.HONOURED,
                v -> oneOf(v, "host") || shares(v)
                        ? List.of()
                        : warn("'" + v + "' is not supported yet: the container gets its own PID namespace"));
        put(
                r,
                "uts",
                Support.HONOURED,
                v -> oneOf(v)
                        ? List.of()
                        : warn("'" + v + "' is not supported yet: the container gets its own UTS namespace"));
        put(
                r,
                "cgroup",
                Support.HONOURED,
                v -> oneOf(v, "private")
                        ? List.of()
                        : warn("'" + v + "' is not supported yet: the container gets its own cgroup namespace"));
        put(
                r,
                "isolation",
                Support.HONOURED,
                v -> oneOf(v, "default") ? List.of() : warn("'" + v + "' is a Windows setting and is ignored"));
        // a user namespace or another runtime (gVisor, Kata) is confinement the container would silently lose
        put(
                r,
                "usernsMode",
                Support.HONOURED,
                v -> oneOf(v, "host")
                        ? List.of()
                        : refuse("'" + v + "' is not supported: jcompose runs containers without a user namespace"));
        put(
                r,
                "runtime",
                Support.HONOURED,
                v -> oneOf(v)
                        ? List.of()
                        : oneOf(v, "runc", "crun")
                                ? warn("'" + v + "' is ignored: jcompose picks runc or crun itself")
                                : refuse("'" + v
                                        + "' is not supported: jcompose runs containers with runc or crun only"));
    }

    /** Consumed before any container exists, or no-ops for {@code up} in docker compose too. */
    static void elsewhere(Map<String, Rule> r) {
        for (String c : List.of(
                "profiles",
                "attach",
                "build",
                "dependsOn",
                "dockerfile",
                "envFile",
                "extendsConfig",
                "labelFile",
                "containerName",
                "image",
                "pullPolicy",
                "pullRefreshAfter",
                "scale",
                "extensions")) {
            put(r, c, Support.ELSEWHERE, ServiceSettings::none);
        }
        // docker: expose only documents ports (every port is reachable on the network); develop is watch's
        put(r, "expose", Support.ELSEWHERE, ServiceSettings::none);
        put(r, "develop", Support.ELSEWHERE, ServiceSettings::none);
        put(r, "net", Support.ELSEWHERE, ServiceSettings::none);
        put(
                r,
                "platform",
                Support.ELSEWHERE,
                v -> ServiceSettings.isSet(v)
                        ? warn("'" + v + "' is ignored: the image is used as present locally")
                        : List.of());
    }

    /** Not applied yet; a warning each (none of them asks for more confinement than jcompose gives). */
    static void unsupported(Map<String, Rule> r) {
        for (String c : List.of(
                "blkioConfig",
                "cgroupParent",
                "cpuCount",
                "cpuPercent",
                "cpuRtPeriod",
                "cpuRtRuntime",
                "credentialSpec",
                "externalLinks",
                "gpus",
                "logDriver",
                "logOpt",
                "memSwappiness",
                "models",
                "oomKillDisable",
                "storageOpt",
                "useApiSocket",
                "volumeDriver",
                "postStart",
                "preStart",
                "preStop")) {
            put(r, c, Support.UNSUPPORTED, ServiceSettings::ignoredWhenSet);
        }
        put(
                r,
                "provider",
                Support.UNSUPPORTED,
                v -> ServiceSettings.isSet(v)
                        ? refuse("is not supported: a provider service is run by a compose plugin, not as a container")
                        : List.of());
    }

    /**
     * {@code security_opt}: no-new-privileges and seccomp=unconfined are applied. A profile (apparmor,
     * SELinux label, seccomp file) asks for confinement jcompose does not give: refused. Entries that only
     * relax confinement (apparmor=unconfined, label=disable, systempaths=unconfined) are ignored with a warning.
     */
    static List<Issue> securityOpts(List<String> opts) {
        List<Issue> out = new ArrayList<>();
        for (String o : opts) {
            String norm = o.replaceFirst("[:=]", "=");
            if (norm.startsWith("no-new-privileges") || norm.equals("seccomp=unconfined")) {
                continue;
            }
            if (norm.equals("apparmor=unconfined")
                    || norm.equals("label=disable")
                    || norm.equals("systempaths=unconfined")) {
                out.add(new Issue(false, "'" + o + "' is not supported yet and is ignored"));
            } else {
                out.add(new Issue(true, "'" + o + "' is not supported: jcompose cannot apply this confinement"));
            }
        }
        return out;
    }

    /**
     * Mount options jcompose does not apply: {@code volume.subpath} is refused (the container would get
     * the whole volume, more than it asks); bind propagation other than private, SELinux relabelling and
     * non-recursive binds are warned (jcompose binds recursively and privately, without SELinux).
     */
    static List<Issue> volumeOptions(List<dev.jcompose.model.ServiceVolume> volumes) {
        List<Issue> out = new ArrayList<>();
        for (dev.jcompose.model.ServiceVolume v : volumes) {
            if (v.volume() != null
                    && v.volume().subpath() != null
                    && !v.volume().subpath().isEmpty()) {
                out.add(new Issue(
                        true,
                        v.target() + ": volume.subpath is not supported: the container would get the "
                                + "whole volume"));
            }
            var b = v.bind();
            if (b != null
                    && b.propagation() != null
                    && !b.propagation().isEmpty()
                    && !b.propagation().equals("rprivate")
                    && !b.propagation().equals("private")) {
                out.add(new Issue(
                        false,
                        v.target() + ": bind.propagation " + b.propagation()
                                + " is not supported yet (the mount is rprivate)"));
            }
            if (b != null && b.selinux() != null && !b.selinux().isEmpty()) {
                out.add(new Issue(false, v.target() + ": bind.selinux is not supported yet and is ignored"));
            }
            if (b != null
                    && b.recursive() != null
                    && !b.recursive().isEmpty()
                    && !b.recursive().equals("enabled")) {
                out.add(new Issue(
                        false,
                        v.target() + ": bind.recursive " + b.recursive()
                                + " is not supported yet (the bind is recursive)"));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<dev.jcompose.model.ServiceVolume> volumes(Object v) {
        return v == null ? List.of() : (List<dev.jcompose.model.ServiceVolume>) v;
    }

    /** {@code /path:size=64m,mode=1770}: size and mode are applied, other mount options are not yet. */
    static List<Issue> tmpfsOptions(List<String> entries) {
        List<String> ignored = new ArrayList<>();
        for (String t : entries) {
            int colon = t.indexOf(':');
            for (String o : colon < 0 ? new String[0] : t.substring(colon + 1).split(",")) {
                if (!o.startsWith("size=") && !o.startsWith("mode=")) {
                    ignored.add(o);
                }
            }
        }
        return ignored.isEmpty() ? List.of() : warn("options " + ignored + " are not supported yet and are ignored");
    }

    private static boolean shares(Object v) {
        return v instanceof String s && (s.startsWith("service:") || s.startsWith("container:"));
    }

    private static void put(
            Map<String, Rule> r, String component, Support support, Function<Object, List<Issue>> check) {
        if (r.put(component, new Rule(snake(component), support, check)) != null) {
            throw new IllegalStateException("ServiceConfig." + component + " is classified twice");
        }
    }

    /** {@code memSwappiness} -> {@code mem_swappiness}; the two irregular names by hand. */
    static String snake(String component) {
        return switch (component) {
            case "extendsConfig" -> "extends";
            case "extensions" -> "x-*";
            default -> component.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
        };
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object v) {
        return v == null ? List.of() : (List<String>) v;
    }

    /** True when {@code v} is unset or one of {@code allowed}. */
    private static boolean oneOf(Object v, String... allowed) {
        return v == null || ((String) v).isEmpty() || List.of(allowed).contains(v);
    }
}
