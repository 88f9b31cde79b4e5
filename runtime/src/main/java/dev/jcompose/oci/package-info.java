/**
 * OCI bundles: {@link dev.jcompose.oci.SpecBuilder#build} turns what the image contributes ({@link
 * dev.jcompose.oci.ImageDefaults}, from the image config), what a compose service asks of one container
 * ({@link dev.jcompose.oci.ContainerSpec}, in runtime terms) and the host-side facts ({@link
 * dev.jcompose.oci.SpecContext}: rootfs, cgroup path, /etc files, init binary, host limits) into the
 * runtime spec ({@link dev.jcompose.oci.RuntimeSpec}), which {@link dev.jcompose.oci.BundleWriter}
 * writes atomically as {@code config.json} for runc/crun.
 *
 * <p>Pure and deterministic (same inputs, same spec; maps sorted), so specs are tested without root.
 * Docker's semantics and security defaults are kept ({@link dev.jcompose.oci.SecurityDefaults}:
 * capabilities, masked and read-only paths, sysctl allowlist), with decisions of jcompose's own: a
 * default pids limit, {@code no_new_privileges} on unless the service turns it off, and a seccomp
 * profile that denies a listed set of syscalls (simpler to audit than docker's allow-list, weaker
 * against unknown syscalls).
 * {@link dev.jcompose.oci.UserResolver} reads the container's own /etc/passwd and /etc/group through
 * {@code rootfs.RootfsPath}. Used by the runtime's container code and the engine's stack, which fills
 * {@code ContainerSpec} from the model.
 */
package dev.jcompose.oci;
