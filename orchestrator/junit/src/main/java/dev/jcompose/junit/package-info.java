/**
 * {@link dev.jcompose.junit.ComposeTest}: JUnit Jupiter brings a compose stack up before a test
 * class (or once per test run, shared by every class naming the same stack), injects the
 * {@link dev.jcompose.fixtures.ComposeStack}, writes every container's log when a test fails, and
 * takes the stack down after. Without an engine to run it (not root, none reachable) the tests are
 * skipped with the reason.
 */
package dev.jcompose.junit;
