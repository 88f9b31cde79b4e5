/**
 * Leases: projects held by a process (a test JVM), taken down by the engine once that process is
 * gone. {@link dev.jcompose.lease.LeaseBook} keeps them on disk so an engine started later still
 * knows them; {@link dev.jcompose.lease.LeaseWatch} decides, purely, which are due.
 */
package dev.jcompose.lease;
