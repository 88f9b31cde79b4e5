package dev.jcompose.restart;

import dev.jcompose.engine.EngineLoop;
import dev.jcompose.engine.Scheduler;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Applies restart policies on the engine loop: reacts to container exits with
 * {@link RestartRules}, waits out the backoff with the {@link Scheduler}, and starts the container
 * again through the {@link ContainerStarter}. Every method must be called on the engine loop.
 *
 * <p>A user stop cancels supervision like docker's: the exit it causes never triggers a restart,
 * whatever the policy. The always/unless-stopped difference shows when the engine comes back and
 * {@link #adopt adopts} containers a user had stopped.
 */
public final class RestartSupervisor {
    private final EngineLoop loop;
    private final Scheduler scheduler;
    private final ContainerStarter starter;
    private final Consumer<RestartEvent> listener;
    private final Map<String, Supervised> containers = new HashMap<>();

    public RestartSupervisor(
            EngineLoop loop, Scheduler scheduler, ContainerStarter starter, Consumer<RestartEvent> listener) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.starter = Objects.requireNonNull(starter, "starter");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Supervises a container just started by the user (restart count and backoff fresh). */
    public void supervise(String containerId, RestartPolicy policy) {
        supervise(containerId, policy, 0);
    }

    /**
     * Supervises a running container an earlier engine started, {@code restartCount} times by its policy
     * since the user started it: {@code on-failure:N} goes on counting from there.
     */
    public void supervise(String containerId, RestartPolicy policy, int restartCount) {
        loop.checkInLoop();
        forget(containerId);
        Supervised s = new Supervised(containerId, policy);
        s.history = new RestartHistory(restartCount, Duration.ZERO);
        containers.put(containerId, s);
    }

    /**
     * The engine found {@code lastExit}'s container exited when it came up (it exited while no engine
     * watched it, or an earlier engine had decided about it): restart it if the policy says so, as dockerd
     * does when it starts. {@code always} does even after a user stop; {@code unless-stopped} does not;
     * {@code on-failure:N} counts the {@code restartCount} restarts an earlier engine made.
     */
    public void adopt(ContainerExit lastExit, RestartPolicy policy, int restartCount, boolean userStopped) {
        loop.checkInLoop();
        supervise(lastExit.containerId(), policy, restartCount);
        Supervised s = containers.get(lastExit.containerId());
        s.decide(lastExit, userStopped);
    }

    /** The user is stopping the container: no restart for the exit that follows; a pending one is dropped. */
    public void userStopped(String containerId) {
        loop.checkInLoop();
        Supervised supervised = containers.get(containerId);
        if (supervised != null) {
            supervised.userStopped = true;
            supervised.cancelPending();
        }
    }

    public void onExit(ContainerExit exit) {
        loop.checkInLoop();
        Supervised supervised = containers.get(exit.containerId());
        if (supervised == null) {
            return;
        }
        if (supervised.userStopped) {
            listener.accept(new RestartEvent.GaveUp(exit.containerId(), "stopped by the user"));
            return;
        }
        supervised.decide(exit, false);
    }

    /** Stops supervising (container removed); a pending restart is dropped. */
    public void forget(String containerId) {
        loop.checkInLoop();
        Supervised supervised = containers.remove(containerId);
        if (supervised != null) {
            supervised.cancelPending();
        }
    }

    /** Restarts so far, for {@code ps}/{@code inspect}. */
    public Optional<Integer> restartCount(String containerId) {
        loop.checkInLoop();
        return Optional.ofNullable(containers.get(containerId)).map(s -> s.history.restartCount());
    }

    public boolean restartPending(String containerId) {
        loop.checkInLoop();
        Supervised supervised = containers.get(containerId);
        return supervised != null && (supervised.timer != -1 || supervised.starting);
    }

    private final class Supervised {
        private final String containerId;
        private final RestartPolicy policy;
        private RestartHistory history = RestartHistory.FRESH;
        private boolean userStopped;
        private long timer = -1;
        /**
         * Between the backoff and the restarted process: the runtime still says exited, but the
         * restart is under way (an attached up must not take the container for finished).
         */
        private boolean starting;

        Supervised(String containerId, RestartPolicy policy) {
            this.containerId = containerId;
            this.policy = policy;
        }

        void decide(ContainerExit exit, boolean stoppedByUser) {
            RestartDecision decision = RestartRules.decide(policy, history, exit.exitCode(), exit.ran(), stoppedByUser);
            history = decision.next();
            switch (decision) {
                case RestartDecision.GiveUp giveUp ->
                    listener.accept(new RestartEvent.GaveUp(containerId, giveUp.reason()));
                case RestartDecision.Restart restart -> {
                    int attempt = history.restartCount();
                    timer = scheduler.setTimer(restart.delay(), () -> restart(attempt));
                    listener.accept(new RestartEvent.Scheduled(containerId, attempt, restart.delay()));
                }
            }
        }

        private void restart(int attempt) {
            timer = -1;
            starting = true;
            userStopped = false;
            Future<?> started;
            try {
                started = starter.start(containerId);
            } catch (RuntimeException e) {
                started = Future.failedFuture(e);
            }
            started.onComplete(done -> loop.runInLoop(() -> {
                starting = false;
                if (done.succeeded()) {
                    listener.accept(new RestartEvent.Restarted(containerId, attempt));
                } else {
                    listener.accept(new RestartEvent.RestartFailed(containerId, attempt, done.cause()));
                }
            }));
        }

        void cancelPending() {
            if (timer != -1) {
                scheduler.cancel(timer);
                timer = -1;
            }
        }
    }
}
