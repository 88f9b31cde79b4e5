/**
 * The model rendered as docker compose renders it: {@link dev.jcompose.config.ConfigRenderer} prints
 * {@code jcompose config} (the canonical project as JSON or go-yaml-style YAML, and the one-per-line
 * listings {@code --services}, {@code --volumes}, {@code --hash}...), byte for byte like docker
 * compose, since users and the sample tests diff the two.
 *
 * <p>The same package computes the configuration hashes docker compose stores in labels to notice
 * changes: {@link dev.jcompose.config.ServiceHash} ({@code com.docker.compose.config-hash}: sha256 of
 * the service's compact compose-go JSON, minus what may change without recreating containers) and
 * {@link dev.jcompose.config.ResourceHash} for networks and volumes. They live next to the renderer
 * because both are the same compose-go JSON. Used by the CLI's {@code config} command and by the
 * reconciler's planner, which compares the hashes with the labels of what exists.
 */
package dev.jcompose.config;
