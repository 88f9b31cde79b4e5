package dev.jcompose.dockerfile;

/** One {@code key=value} of ENV or LABEL, quotes removed (and variables expanded once expanded). */
public record KeyValue(String key, String value) {}
