/**
 * The normaliser's service half: {@link dev.jcompose.schema.service.ServiceNormalizer} turns one raw
 * service into its canonical form, checking every key (unknown ones are errors, with a "did you mean"
 * hint; unsupported ones are warned about or refused) and rewriting every short syntax to its long form.
 *
 * <p>The work is split by subject into package-private rules: simple fields named after compose-go's
 * Go types ({@code SimpleRules}), {@code build}, {@code deploy} and {@code ulimits}, {@code environment} with
 * {@code env_file}, {@code healthcheck}, the fields naming other things ({@code depends_on},
 * {@code networks}, {@code secrets}...), the dependencies compose-go derives from {@code links},
 * {@code service:NAME} namespaces and {@code volumes_from}, and the cross-field checks
 * ({@code ServiceChecks}). Ports, volumes and command strings come from {@code schema.port},
 * {@code schema.volume} and {@code schema.command}. Called by {@link dev.jcompose.schema.Normalizer};
 * the canonical shape it produces is documented in {@code dev.jcompose.schema}.
 */
package dev.jcompose.schema.service;
