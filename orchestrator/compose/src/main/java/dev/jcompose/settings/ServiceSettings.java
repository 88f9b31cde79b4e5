package dev.jcompose.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.model.Deploy;
import dev.jcompose.model.Logging;
import dev.jcompose.model.ServiceConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The audit of every {@link ServiceConfig} field: what jcompose does with it, and which values it
 * does not apply. {@link #audit} lists, per service, the settings that would otherwise be lost
 * without a word. A field added to {@code ServiceConfig} without a rule here fails
 * {@code ServiceSettingsTest}.
 */
public final class ServiceSettings {
    /** A value of a setting that is not applied. */
    record Issue(boolean refused, String detail) {}

    /** One field's rule: its compose key, its support, and the issues a value raises. */
    record Rule(String key, Support support, Function<Object, List<Issue>> check) {}

    private static final String IGNORED = "is not supported yet and is ignored";
    private static final Map<String, Rule> RULES = rules();
    private static final Map<String, RecordComponent> COMPONENTS = components();

    private ServiceSettings() {}

    /** The rules by record component name, in {@code ServiceConfig}'s order where listed there. */
    static Map<String, Rule> rules() {
        Map<String, Rule> r = new LinkedHashMap<>();
        Rules.honoured(r);
        Rules.elsewhere(r);
        Rules.unsupported(r);
        return r;
    }

    /** The rule of a {@code ServiceConfig} record component, or null when none is declared. */
    static Rule rule(String component) {
        return RULES.get(component);
    }

    static Set<String> classified() {
        return RULES.keySet();
    }

    /** The settings of {@code service} that are not applied, in {@code ServiceConfig}'s field order, one per key. */
    public static List<SettingFinding> audit(String service, ServiceConfig s) {
        List<SettingFinding> out = new ArrayList<>();
        for (RecordComponent c : COMPONENTS.values()) {
            Rule rule = RULES.get(c.getName());
            List<Issue> issues = rule == null ? List.of() : rule.check().apply(value(c, s));
            if (!issues.isEmpty()) {
                // once per key: a refusal outranks warnings, several values are joined
                boolean refused = issues.stream().anyMatch(Issue::refused);
                String detail = String.join(
                        "; ",
                        issues.stream()
                                .filter(i -> i.refused() == refused)
                                .map(Issue::detail)
                                .distinct()
                                .toList());
                out.add(new SettingFinding(service, rule.key(), refused, detail));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The warnings of {@code service}'s settings; throws when one of them is refused.
     *
     * @throws UnsupportedSettingException listing every refused setting of the service
     */
    public static List<SettingFinding> check(String service, ServiceConfig s) {
        List<SettingFinding> all = audit(service, s);
        List<SettingFinding> refused =
                all.stream().filter(SettingFinding::refused).toList();
        if (!refused.isEmpty()) {
            throw new UnsupportedSettingException(refused);
        }
        return all;
    }

    /**
     * The compose keys {@code service} sets (Go's zero-value test), in {@code ServiceConfig}'s field order:
     * what another target (Kubernetes) audits against the keys it translates.
     */
    public static List<String> keysSet(ServiceConfig s) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : COMPONENTS.values()) {
            Rule rule = RULES.get(c.getName());
            if (rule != null && isSet(value(c, s))) {
                out.add(rule.key());
            }
        }
        return List.copyOf(out);
    }

    private static Object value(RecordComponent c, ServiceConfig s) {
        try {
            return c.getAccessor().invoke(s);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read ServiceConfig." + c.getName(), e);
        }
    }

    private static Map<String, RecordComponent> components() {
        Map<String, RecordComponent> m = new LinkedHashMap<>();
        for (RecordComponent c : ServiceConfig.class.getRecordComponents()) {
            m.put(c.getName(), c);
        }
        return m;
    }

    /** Go's zero-value test: null, empty, zero, false and JSON null count as "not set". */
    static boolean isSet(Object v) {
        return switch (v) {
            case null -> false;
            case String str -> !str.isEmpty();
            case Collection<?> col -> !col.isEmpty();
            case Map<?, ?> map -> !map.isEmpty();
            case Boolean b -> b;
            case Number n -> n.doubleValue() != 0;
            case JsonNode j -> !j.isNull() && !j.isMissingNode() && !(j.isContainerNode() && j.isEmpty());
            default -> true;
        };
    }

    static List<Issue> ignoredWhenSet(Object v) {
        return isSet(v) ? List.of(new Issue(false, IGNORED)) : List.of();
    }

    static List<Issue> warn(String detail) {
        return List.of(new Issue(false, detail));
    }

    static List<Issue> refuse(String detail) {
        return List.of(new Issue(true, detail));
    }

    static List<Issue> none(Object v) {
        return List.of();
    }

    /**
     * {@code deploy}: replicas, resource limits and restart_policy's condition and max_attempts are
     * applied; restart_policy's delay and window, and reservations, are not.
     */
    static List<Issue> deploy(Object v) {
        Deploy d = (Deploy) v;
        if (d == null) {
            return List.of();
        }
        List<Issue> out = new ArrayList<>();
        if (d.restartPolicy() != null
                && (d.restartPolicy().delay() != null || d.restartPolicy().window() != null)) {
            // condition and max_attempts are the container's restart policy (as docker compose maps them)
            out.add(new Issue(false, "restart_policy delay and window are for swarm and are ignored"));
        }
        if (d.resources() != null && d.resources().reservations() != null) {
            out.add(new Issue(false, "resources.reservations is not supported yet and is ignored"));
        }
        if (d.updateConfig() != null
                || d.rollbackConfig() != null
                || (d.placement() != null && !d.placement().isEmpty())
                || isSet(d.endpointMode())) {
            out.add(new Issue(
                    false,
                    "placement, update_config, rollback_config and endpoint_mode are for swarm and are ignored"));
        }
        if (d.resources() != null
                && d.resources().limits() != null
                && isSet(d.resources().limits().devices())) {
            out.add(new Issue(false, "resources.limits.devices is not supported yet and is ignored"));
        }
        return out;
    }

    /** {@code logging}: jcompose keeps every container's output in its own log file ({@code jcompose logs}). */
    static List<Issue> logging(Object v) {
        Logging l = (Logging) v;
        if (l == null
                || (l.options().isEmpty()
                        && (l.driver() == null
                                || l.driver().isEmpty()
                                || l.driver().equals("json-file")
                                || l.driver().equals("local")))) {
            return List.of();
        }
        return warn("is not supported yet and is ignored: output goes to jcompose's own log (jcompose logs)");
    }
}
