/**
 * The normaliser's project-level half: {@link dev.jcompose.schema.project.ResourceNormalizer} turns
 * the top-level {@code networks}, {@code volumes}, {@code secrets} and {@code configs} into their
 * canonical form, filling each entry's {@code name} as compose-go does ({@code <project>_<key>}, or the
 * key itself for an external resource), and supplies the implicit {@code default} network.
 *
 * <p>Called by {@link dev.jcompose.schema.Normalizer}; builds its output with the shared helpers of
 * {@code dev.jcompose.schema} ({@code Canonical}, {@code Expect}, {@code KeySet}). The target shape
 * is documented in that package.
 */
package dev.jcompose.schema.project;
