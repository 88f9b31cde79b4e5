package dev.jcompose.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * Copies of a model record with one component replaced, through its canonical constructor (so its
 * defensive copies and sorting run as for any other instance). {@link ServiceConfig} mirrors
 * compose-go with over a hundred components: its {@code withX} methods name the component here
 * rather than each repeating a hundred constructor arguments that a new field would have to join.
 */
final class RecordCopy {
    private RecordCopy() {}

    /** {@code record} with {@code component} set to {@code value}, every other component kept. */
    static <R extends Record> R with(R record, String component, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        boolean found = false;
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(component)) {
                values[i] = value;
                found = true;
            } else {
                values[i] = read(components[i], record);
            }
        }
        if (!found) {
            throw new IllegalArgumentException(
                    "model bug: " + record.getClass().getSimpleName() + " has no component " + component);
        }
        return construct(canonical(record.getClass(), components), values);
    }

    /** The record with every component unset: {@code null}, or zero/false for primitives. */
    static <R extends Record> R empty(Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = Arrays.stream(components)
                .map(c -> c.getType().isPrimitive() ? zero(c.getType()) : null)
                .toArray();
        return construct(canonical(type, components), values);
    }

    private static Object zero(Class<?> primitive) {
        if (primitive == boolean.class) {
            return false;
        }
        if (primitive == float.class) {
            return 0f;
        }
        if (primitive == double.class) {
            return 0d;
        }
        if (primitive == long.class) {
            return 0L;
        }
        return 0; // int; the model has no byte, short or char components
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("model bug: cannot read " + component.getName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> Constructor<R> canonical(Class<?> type, RecordComponent[] components) {
        try {
            return (Constructor<R>) type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record always has its canonical constructor", e);
        }
    }

    private static <R> R construct(Constructor<R> constructor, Object[] values) {
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // the record's own validation, as a direct call would throw it
            }
            throw new IllegalStateException("model bug: " + constructor.getName(), e.getCause());
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("model bug: cannot construct " + constructor.getName(), e);
        }
    }
}
