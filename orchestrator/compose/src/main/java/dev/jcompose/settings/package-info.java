/**
 * The audit of compose service settings: {@link dev.jcompose.settings.ServiceSettings} classifies every
 * {@code ServiceConfig} field as honoured (applied to the container), used elsewhere (loader, planner,
 * CLI, or a no-op for {@code up} in docker compose too) or not supported, and lists the values a
 * service sets that are not applied. A new {@code ServiceConfig} field without a rule fails the build's
 * tests, so no setting is dropped without a word.
 *
 * <p>The rule for a setting that is not applied: when ignoring it leaves the container <em>more</em>
 * confined or merely less convenient (extra devices, host namespaces, capabilities, log drivers,
 * resource tunings, files), {@code up}, {@code create} and {@code run} warn once per service and key
 * ({@code WARN[0000]} on stderr, like docker compose's warnings) and go on. When ignoring it would run
 * the container <em>less</em> confined than it asks (an AppArmor, SELinux or seccomp profile in
 * {@code security_opt}, a {@code userns_mode} other than host, a sandboxing {@code runtime}) or
 * would not run what is asked at all ({@code provider}), the command fails with an
 * {@link dev.jcompose.settings.UnsupportedSettingException} before anything is created.
 *
 * <p>Keys the loader already reports and drops ({@code ServiceNormalizer.UNSUPPORTED}:
 * {@code blkio_config}, {@code storage_opt}, {@code cpu_rt_*}, {@code gpus}...) are classified here too,
 * but never reach the model set.
 */
package dev.jcompose.settings;
