/**
 * Containers run by an OCI runtime (runc/crun, chosen by {@link dev.jcompose.container.RuntimeProbe})
 * under conmon, with a persisted lifecycle ({@link dev.jcompose.container.ContainerRuntime}).
 * {@link dev.jcompose.container.ContainerHost} is the entry point the orchestrator holds: it wires the
 * image store, puller and loader to the snapshot store through {@link dev.jcompose.container.ImageRootfs}
 * (layers unpacked into snapshots keyed and verified by diff_id; the image config mapped to
 * {@link dev.jcompose.oci.ImageDefaults}) and removes images only when no container uses them.
 */
package dev.jcompose.container;
