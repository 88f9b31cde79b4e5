/**
 * Compose-spec variable interpolation with compose-go's exact semantics: {@link
 * dev.jcompose.interpolation.Substitution} expands one string ({@code $VAR}, {@code ${VAR}}, the six
 * {@code ${VAR<op>arg}} forms, {@code $$}), {@link dev.jcompose.interpolation.Interpolator} applies it
 * to the string scalars of a {@link dev.jcompose.yaml.Node} tree with an {@link
 * dev.jcompose.environment.Environment}. Keys are never interpolated and an interpolated scalar becomes
 * a string at the same location, as in compose-go; later stages cast it.
 *
 * <p>{@link dev.jcompose.interpolation.InterpolationException} knows no file, only an offset in the
 * string: the caller (the loader's document stage, the dotenv parser in {@code dev.jcompose.environment})
 * turns it into a {@link dev.jcompose.yaml.ComposeFileException} at the right location.
 */
package dev.jcompose.interpolation;
