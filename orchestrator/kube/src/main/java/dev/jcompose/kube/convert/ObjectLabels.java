package dev.jcompose.kube.convert;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The labels every object carries: the recommended {@code app.kubernetes.io/*} ones and the project
 * label jcompose already puts on containers, which {@code deploy --prune} and {@code down} select by.
 * Pods are selected by project and service, labels no user setting can change.
 */
public final class ObjectLabels {
    public static final String PROJECT = "com.docker.compose.project";
    public static final String SERVICE = "com.docker.compose.service";
    /** On pods: one per compose network the service is on, for NetworkPolicies. */
    static final String NETWORK_PREFIX = "network.jcompose.dev/";

    private ObjectLabels() {}

    /** The labels of an object of the project, of one service when {@code service} is not null. */
    static SortedMap<String, String> of(String project, String service) {
        SortedMap<String, String> m = new TreeMap<>();
        m.put("app.kubernetes.io/managed-by", "jcompose");
        m.put("app.kubernetes.io/part-of", project);
        m.put(PROJECT, project);
        if (service != null) {
            m.put("app.kubernetes.io/name", service);
            m.put(SERVICE, service);
        }
        return m;
    }

    /** What a service's workload and Service select its pods by. */
    static Map<String, String> selector(String project, String service) {
        return new TreeMap<>(Map.of(PROJECT, project, SERVICE, service));
    }

    /** A label value (at most 63 of [A-Za-z0-9._-], alphanumeric at both ends). */
    public static String value(String v) {
        String s = v.replaceAll("[^A-Za-z0-9._-]+", "-");
        s = s.length() > 63 ? s.substring(0, 63) : s;
        return s.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
    }
}
