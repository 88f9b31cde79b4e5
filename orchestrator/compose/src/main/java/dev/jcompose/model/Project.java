package dev.jcompose.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The whole canonical project. compose-go marshals it from a Go map, so its JSON keys come out in
 * alphabetical order ({@code configs, name, networks, secrets, services, volumes, x-...}); {@code name}
 * and {@code services} are always written, the other sections only when not empty. Top-level
 * {@code models} (AI model declarations) is kept as raw JSON: jcompose does not run them.
 */
@JsonInclude(Include.NON_EMPTY)
@JsonPropertyOrder({"configs", "models", "name", "networks", "secrets", "services", "volumes"})
public record Project(
        @JsonInclude(Include.ALWAYS) String name,
        @JsonInclude(Include.ALWAYS) SortedMap<String, ServiceConfig> services,
        SortedMap<String, NetworkConfig> networks,
        SortedMap<String, VolumeConfig> volumes,
        SortedMap<String, FileObject> secrets,
        SortedMap<String, FileObject> configs,
        @JsonInclude(Include.NON_NULL) JsonNode models,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extensions) {

    public Project {
        name = name == null ? "" : name;
        services = Copies.map(services);
        networks = Copies.map(networks);
        volumes = Copies.map(volumes);
        secrets = Copies.map(secrets);
        configs = Copies.map(configs);
        extensions = Copies.extensions(extensions);
    }

    /** This project with its services replaced. */
    public Project withServices(Map<String, ServiceConfig> newServices) {
        return new Project(name, Copies.map(newServices), networks, volumes, secrets, configs, models, extensions);
    }

    /** This project with service {@code serviceName} added or replaced. */
    public Project withService(String serviceName, ServiceConfig service) {
        SortedMap<String, ServiceConfig> out = new TreeMap<>(services);
        out.put(serviceName, service);
        return withServices(out);
    }

    public Optional<ServiceConfig> service(String serviceName) {
        return Optional.ofNullable(services.get(serviceName));
    }

    /**
     * What each service must wait for: {@code depends_on} plus the implicit dependencies compose
     * derives from {@code network_mode: service:x}, {@code volumes_from} and {@code links}.
     */
    public SortedMap<String, SortedSet<String>> dependencies() {
        SortedMap<String, SortedSet<String>> out = new TreeMap<>();
        services.forEach((n, s) -> out.put(n, Collections.unmodifiableSortedSet(References.dependenciesOf(s))));
        return Collections.unmodifiableSortedMap(out);
    }

    /** Sorted profile names used by any service. */
    public SortedSet<String> profiles() {
        SortedSet<String> out = new TreeSet<>();
        services.values().forEach(s -> out.addAll(s.profiles()));
        return Collections.unmodifiableSortedSet(out);
    }
}
