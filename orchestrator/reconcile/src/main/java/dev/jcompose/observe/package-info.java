/**
 * What exists on the host, as reconciliation sees it: containers, networks, volumes and images,
 * recognised by the docker compose {@link dev.jcompose.observe.Labels}. Records only: reading them
 * from the runtime and the network is the engine's job ({@code dev.jcompose.stack.Observer}), so
 * this package, like the planner, stays in the reconcile module, which depends on compose and host only.
 */
package dev.jcompose.observe;
