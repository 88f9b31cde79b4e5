package dev.jcompose.dockerfile;

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
        Long size) {}
