package dev.jcompose.kube.convert;

import dev.jcompose.model.Deploy;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.model.ServiceNetwork;
import dev.jcompose.settings.ServiceSettings;
import java.util.Set;

/**
 * The settings audit for Kubernetes: every compose key a service sets (as {@link ServiceSettings}
 * names them) that the conversion does not translate is reported once. Keys translated with
 * exceptions report those where they are translated.
 */
final class Untranslated {
    /** Translated, or meaningless once the project is loaded (profiles, extends, env_file...). */
    private static final Set<String> HANDLED = Set.of(
            "profiles",
            "annotations",
            "attach",
            "build",
            "develop",
            "cap_add",
            "cap_drop",
            "cpus",
            "command",
            "configs",
            "depends_on",
            "deploy",
            "dockerfile",
            "entrypoint",
            "environment",
            "env_file",
            "expose",
            "extends",
            "extra_hosts",
            "group_add",
            "hostname",
            "healthcheck",
            "image",
            "init",
            "labels",
            "label_file",
            "links",
            "mem_limit",
            "mem_reservation",
            "network_mode",
            "networks",
            "pids_limit",
            "ports",
            "privileged",
            "pull_policy",
            "read_only",
            "restart",
            "scale",
            "secrets",
            "stdin_open",
            "stop_grace_period",
            "sysctls",
            "tmpfs",
            "tty",
            "user",
            "volumes",
            "working_dir",
            "x-*");

    private final ConversionContext scope;

    Untranslated(ConversionContext scope) {
        this.scope = scope;
    }

    void audit(String service) {
        ServiceConfig s = scope.project().services().get(service);
        for (String key : ServiceSettings.keysSet(s)) {
            if (!HANDLED.contains(key)) {
                scope.warnings().add(service, key, "is not translated to Kubernetes and is ignored");
            }
        }
        deploy(service, s.deploy());
        String mode = s.networkMode();
        if (mode != null && !mode.isEmpty() && !mode.equals("host") && !mode.equals("bridge")) {
            scope.warnings().add(service, "network_mode", mode + " is not translated: the pod gets its own network");
        }
        for (ServiceNetwork n : s.networks().values()) {
            if (n != null
                    && (!n.aliases().isEmpty()
                            || n.ipv4Address() != null && !n.ipv4Address().isEmpty()
                            || n.ipv6Address() != null && !n.ipv6Address().isEmpty())) {
                scope.warnings()
                        .add(
                                service,
                                "networks",
                                "aliases and fixed addresses are not translated: use the service name");
            }
        }
    }

    private void deploy(String service, Deploy d) {
        if (d == null) {
            return;
        }
        if ("global".equals(d.mode())) {
            scope.warnings().add(service, "deploy", "mode global is not translated (a Deployment, not a DaemonSet)");
        }
        boolean other = d.restartPolicy() != null
                || d.updateConfig() != null
                || d.rollbackConfig() != null
                || (d.placement() != null && !d.placement().isEmpty())
                || !d.labels().isEmpty()
                || (d.endpointMode() != null && !d.endpointMode().isEmpty());
        if (other) {
            scope.warnings()
                    .add(
                            service,
                            "deploy",
                            "restart_policy, update_config, rollback_config, placement, labels and endpoint_mode "
                                    + "are not translated (replicas and resources are)");
        }
    }
}
