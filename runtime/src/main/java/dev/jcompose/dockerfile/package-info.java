/**
 * The Dockerfile frontend, pure: text to a typed {@link dev.jcompose.dockerfile.Dockerfile} (stages of
 * {@link dev.jcompose.dockerfile.Instruction} records with their line), Docker's variable substitution
 * and ARG scoping, and the stage graph. It reads no file and runs nothing; {@code dev.jcompose.build}
 * executes what it returns.
 */
package dev.jcompose.dockerfile;
