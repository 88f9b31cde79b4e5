/**
 * {@link dev.jcompose.cgroup.CgroupLayout}: where a container's cgroup lives on this host, detected
 * once (pure cgroup v2, or v1/hybrid with one tree per controller), and the few things jcompose does
 * there itself: read limits back, check that a cgroup exists, and remove the directories a crashed
 * runtime left behind.
 *
 * <p>The OCI runtime (runc/crun) creates and configures the cgroups from the bundle's spec; this
 * package never writes limits. Depends on nothing; used by the runtime's container code.
 */
package dev.jcompose.cgroup;
