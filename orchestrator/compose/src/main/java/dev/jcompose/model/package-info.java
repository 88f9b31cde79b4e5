/**
 * The immutable compose model every later stage works on: {@link dev.jcompose.model.Project} with its
 * {@link dev.jcompose.model.ServiceConfig}s, {@link dev.jcompose.model.NetworkConfig}s, {@link
 * dev.jcompose.model.VolumeConfig}s and secret/config {@link dev.jcompose.model.FileObject}s, records
 * that mirror compose-go's {@code types} field for field, in its JSON order and with Go's inclusion
 * rules, so the model serialises exactly as {@code docker compose config --format json} does ({@link
 * dev.jcompose.model.ModelJson}, {@link dev.jcompose.model.GoJsonWriter}). Options jcompose does not act
 * on stay raw JSON, so nothing written is lost.
 *
 * <p>{@link dev.jcompose.model.ProjectValidator} checks references and cycles on the canonical tree
 * (so messages point at file:line:col) and {@link dev.jcompose.model.ProjectBinder} binds that tree to
 * the records. Changes to a loaded model go through typed {@code withX} methods ({@link
 * dev.jcompose.model.Project#withService}, {@link dev.jcompose.model.ServiceConfig#withPorts}...), never
 * a JSON round trip. Depends on {@code yaml}, {@code graph} and {@code quantity}; used by every
 * orchestrator module (reconcile's planner, the engine, the API records, the CLI).
 */
package dev.jcompose.model;
