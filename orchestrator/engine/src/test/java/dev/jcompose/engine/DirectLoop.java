package dev.jcompose.engine;

/**
 * An {@link EngineLoop} for single-threaded tests: the test thread is the loop, so everything runs
 * inline, in the order the test drives it.
 */
public final class DirectLoop implements EngineLoop {
    private final Thread owner = Thread.currentThread();

    @Override
    public boolean inLoop() {
        return Thread.currentThread() == owner;
    }

    @Override
    public void execute(Runnable task) {
        task.run();
    }
}
