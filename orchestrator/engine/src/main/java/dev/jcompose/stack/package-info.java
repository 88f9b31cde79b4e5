/**
 * The compose engine in process: {@link dev.jcompose.api.ComposeService} is the API of the
 * compose commands (records in, records and {@link dev.jcompose.api.StackEvent}s out), and
 * {@link dev.jcompose.stack.Stack} implements it on this host.
 *
 * <p>{@code up}, {@code down}, {@code start}, {@code stop} and {@code restart} ({@code ProjectLifecycle})
 * are "decide, then act": the {@link dev.jcompose.stack.Observer}
 * reads what exists in one pass, the pure planner ({@code dev.jcompose.plan}) decides, and
 * {@link dev.jcompose.stack.StackOperations} runs each plan operation through
 * {@code EngineContext.blocking} ({@code Containers}: image, volumes, endpoint, /etc files, runtime).
 * The live half ({@code Supervision}) owns, on the engine loop, the container board that
 * depends_on waits watch, the health monitors (probes are execs) and restart supervision fed by
 * an exit poll. Per-container files live in {@code runRoot/stack}; named volumes in
 * {@code dev.jcompose.volume}. A volume mounted empty gets the image's content at its mount path
 * right after the container is created (decided by {@code ContainerMounts}, copied by
 * {@code dev.jcompose.rootfs.RootfsCopier}), as docker does, unless {@code volume: {nocopy: true}}.
 *
 * <p>What a container takes besides its image and volumes: {@code ContainerSecrets} (secrets and
 * configs copied into a root-only directory of its files, bound read-only), {@code SharedMounts}
 * (pid/ipc namespaces of another container, a shareable IPC owner's /dev/shm, volumes_from),
 * {@code HostDevices} (devices and device_cgroup_rules); {@code model.FileObjectValues} resolves
 * {@code environment:} secrets in the CLI. Which service settings are applied at all is the audit's
 * ({@code dev.jcompose.settings}).
 */
package dev.jcompose.stack;
