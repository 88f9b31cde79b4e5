/**
 * Images made from a root filesystem tarball ({@code jcompose image import}, like {@code docker import}):
 * {@link ImageChanges} parses the {@code --change} instructions, {@link RootfsImport} writes a one-layer
 * OCI image layout that the runtime's loader then verifies and stores like any other.
 */
package dev.jcompose.archive;
