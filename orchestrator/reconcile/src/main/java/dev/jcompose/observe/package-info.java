/**
 * What exists on the host, as reconciliation sees it: containers, networks, volumes and images,
 * recognised by the docker compose {@link dev.jcompose.observe.Labels}. Records only; reading them
 * from the runtime is the runtime's job.
 */
package dev.jcompose.observe;
