package dev.jcompose.progress;

/** {@code --progress quiet}: prints nothing. */
public final class QuietRenderer implements ProgressRenderer {
    @Override
    public void event(ProgressEvent event) {}

    @Override
    public void message(String text) {}

    @Override
    public void finish() {}
}
