/**
 * The compose loader, from command-line options to an immutable {@link dev.jcompose.model.Project}.
 * {@link dev.jcompose.loader.ProjectLoader#load} takes {@link dev.jcompose.loader.LoadOptions} and
 * returns a {@link dev.jcompose.loader.LoadedProject}: the merged raw tree ({@link
 * dev.jcompose.loader.RawProject}), the canonical tree (locations kept for later errors) and the model.
 *
 * <p>The stages, in docker compose's order: {@link dev.jcompose.loader.ComposeFiles} finds the files
 * ({@code -f}, {@code COMPOSE_FILE}, or discovery upwards) and the project directory; {@link
 * dev.jcompose.loader.ComposeLoader} builds the environment ({@code dev.jcompose.environment}), reads
 * each file document by document (interpolation, {@code extends}, {@code include}, merge over what came
 * before), names the project and applies {@link dev.jcompose.loader.Profiles}; then the normaliser
 * ({@code dev.jcompose.schema}), {@link dev.jcompose.model.ProjectValidator} and {@link
 * dev.jcompose.model.ProjectBinder} finish. {@link dev.jcompose.loader.EnvironmentSource} and {@link
 * dev.jcompose.loader.DocumentInterpolation} are seams so loader tests run without real files or the
 * interpolator; the process environment comes in through {@code LoadOptions}. The CLI is the caller:
 * the engine receives the model, never files.
 */
package dev.jcompose.loader;
