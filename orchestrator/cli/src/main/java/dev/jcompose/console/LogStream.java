package dev.jcompose.console;

/** Which container stream a log line came from. */
public enum LogStream {
    STDOUT,
    STDERR
}
