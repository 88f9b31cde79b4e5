/**
 * Policies that both sides of the runtime/compose divide speak: {@link dev.jcompose.policy.PullPolicy}
 * (compose's {@code pull_policy} and {@code --pull}, read by the planner, taken by the runtime's
 * {@code ensureImage}).
 *
 * <p>It lives in the host module for the reason {@code dev.jcompose.state} does: host is the one
 * module below both the runtime and the compose model, which cannot depend on each other. The enum
 * has no serialisation annotations: the engine socket carries its constant names ({@code NEVER}).
 */
package dev.jcompose.policy;
