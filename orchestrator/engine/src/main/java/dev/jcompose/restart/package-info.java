/**
 * Restart policies: parsing ({@link dev.jcompose.restart.RestartPolicy}), docker's decision and
 * backoff rules as a pure function ({@link dev.jcompose.restart.RestartRules}), and the driver that
 * applies them to container exits ({@link dev.jcompose.restart.RestartSupervisor}).
 */
package dev.jcompose.restart;
