package dev.jcompose.kube.cluster;

/** What deploy or down did to one object, as kubectl reports it: {@code Deployment/web configured}. */
public record ObjectChange(String kind, String name, Action action) {
    /** The change made. */
    public enum Action {
        CREATED,
        CONFIGURED,
        /** A Job whose pod template changed: its template is immutable, so it is deleted and made again. */
        REPLACED,
        UNCHANGED,
        PRUNED,
        DELETED;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public String line() {
        return kind + "/" + name + " " + action;
    }
}
