package dev.jcompose.model;

import dev.jcompose.environment.Environment;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Secrets and configs declared with {@code environment: VAR} take VAR's value from the project
 * environment (the one the compose files were interpolated with, .env included), as docker compose
 * does. The commands that create containers resolve it into the object's {@code content} before the
 * project goes to the engine, which has no project environment; {@code config} never shows it, and
 * the top-level objects are not part of any service's config hash. An unset variable stays
 * unresolved and fails the container's creation with the variable's name.
 */
public final class FileObjectValues {
    private FileObjectValues() {}

    public static Project resolve(Project p, Environment env) {
        SortedMap<String, FileObject> secrets = resolve(p.secrets(), env);
        SortedMap<String, FileObject> configs = resolve(p.configs(), env);
        if (secrets.equals(p.secrets()) && configs.equals(p.configs())) {
            return p;
        }
        return new Project(
                p.name(), p.services(), p.networks(), p.volumes(), secrets, configs, p.models(), p.extensions());
    }

    private static SortedMap<String, FileObject> resolve(Map<String, FileObject> objects, Environment env) {
        SortedMap<String, FileObject> out = new TreeMap<>();
        objects.forEach((key, o) -> {
            boolean fromEnv = o.environment() != null && !o.environment().isEmpty() && o.content() == null;
            out.put(
                    key,
                    fromEnv
                            ? env.get(o.environment())
                                    .map(v -> new FileObject(
                                            o.name(),
                                            o.file(),
                                            o.environment(),
                                            v,
                                            o.external(),
                                            o.labels(),
                                            o.driver(),
                                            o.driverOpts(),
                                            o.templateDriver(),
                                            o.extensions()))
                                    .orElse(o)
                            : o);
        });
        return out;
    }
}
