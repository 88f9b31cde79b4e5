package dev.jcompose.dockerfile;

import java.util.function.Function;

/**
 * One {@code RUN --mount=...}. Unset options are null; {@code target} is required except for secrets
 * (default {@code /run/secrets/<id>}).
 *
 * @param type     bind, cache, tmpfs or secret
 * @param source   bind: path in the {@code from} (default: the build context); secret: unused
 * @param from     a stage name/index or image for bind and cache; null = the build context (bind) or none
 * @param id       cache: the cache's id (default: the target); secret: the secret's id (default: target's base name)
 * @param sharing  cache: shared (default), private or locked
 * @param readOnly bind: read-only unless {@code rw}; cache: false unless {@code ro}
 * @param mode     octal file mode (cache dir, secret file); null = default
 * @param uid      owner uid; null = 0
 * @param gid      owner gid; null = 0
 * @param required secret: fail when the secret is not given
 * @param size     tmpfs: size in bytes; null = unlimited
 */
public record RunMount(
        String type,
        String target,
        String source,
        String from,
        String id,
        String sharing,
        boolean readOnly,
        Integer mode,
        Integer uid,
        Integer gid,
        boolean required,
        Long size) {
    /** The path it is mounted on: a secret without target goes to {@code /run/secrets/<id>}. */
    public String effectiveTarget() {
        return target == null && type.equals("secret") ? "/run/secrets/" + id : target;
    }

    /**
     * The cache's or secret's id with Docker's defaults: a cache is keyed by its target, a secret named by
     * its target's base name; null for bind and tmpfs.
     */
    public String effectiveId() {
        if (id != null || type.equals("bind") || type.equals("tmpfs")) {
            return id;
        }
        if (type.equals("cache")) {
            return target;
        }
        return target.substring(target.lastIndexOf('/') + 1);
    }

    /** Target, source and id substituted (Docker substitutes mount options; {@code from} is refused at parse). */
    RunMount expanded(Function<String, String> variables, SourceLine at) {
        return new RunMount(
                type,
                Words.expand(target, variables, at),
                Words.expand(source, variables, at),
                from,
                Words.expand(id, variables, at),
                sharing,
                readOnly,
                mode,
                uid,
                gid,
                required,
                size);
    }
}
