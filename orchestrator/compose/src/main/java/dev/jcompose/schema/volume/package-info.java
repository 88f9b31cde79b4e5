/**
 * A service's {@code volumes} entries in both syntaxes to compose-go's long form
 * ({@code ServiceVolumeConfig}): {@link dev.jcompose.schema.volume.VolumeSyntax} parses the short
 * syntax {@code [SOURCE:]TARGET[:OPTIONS]} (a source starting with {@code .}, {@code /} or {@code ~}
 * is a bind mount, its source made absolute; any other source names a volume), checks the
 * long syntax and its {@code bind}, {@code volume} and {@code tmpfs} blocks, and writes tmpfs sizes as
 * decimal byte strings ({@code dev.jcompose.quantity.ByteSize}).
 *
 * <p>Used by the service normaliser ({@code dev.jcompose.schema.service}); the result is bound to
 * {@link dev.jcompose.model.ServiceVolume} records.
 */
package dev.jcompose.schema.volume;
