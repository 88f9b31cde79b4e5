package dev.jcompose.health;

import dev.jcompose.engine.EngineLoop;
import dev.jcompose.engine.Scheduler;
import dev.jcompose.host.Clock;
import dev.jcompose.state.Health;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Drives {@link HealthMachine}s on the engine loop: schedules probes with the {@link Scheduler},
 * runs them through the {@link Prober} with the timeout enforced, and reports status changes.
 * Every method must be called on the engine loop.
 */
public final class HealthMonitor {
    private final EngineLoop loop;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Prober prober;
    private final Consumer<HealthEvent> listener;
    private final Map<String, Watch> watches = new HashMap<>();

    public HealthMonitor(
            EngineLoop loop, Scheduler scheduler, Clock clock, Prober prober, Consumer<HealthEvent> listener) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.prober = Objects.requireNonNull(prober, "prober");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Starts checking a container that started at {@code startedAt}; its status begins as starting. */
    public void watch(String containerId, HealthCheck check, Instant startedAt) {
        watch(containerId, check, startedAt, HealthState.initial());
    }

    /**
     * Resumes checking a container whose health is already known (a new engine adopting it): the
     * status and failing streak carry on, the next probe comes at its usual time.
     */
    public void watch(String containerId, HealthCheck check, Instant startedAt, HealthState known) {
        loop.checkInLoop();
        unwatch(containerId);
        Watch watch = new Watch(containerId, new HealthMachine(check, startedAt), known);
        watches.put(containerId, watch);
        watch.scheduleNext();
    }

    /** Stops checking (the container exited or is removed); a probe in flight is ignored. */
    public void unwatch(String containerId) {
        loop.checkInLoop();
        Watch watch = watches.remove(containerId);
        if (watch != null) {
            watch.stop();
        }
    }

    public Optional<HealthState> state(String containerId) {
        loop.checkInLoop();
        return Optional.ofNullable(watches.get(containerId)).map(w -> w.state);
    }

    /** One container's checks. {@code generation} tells a current probe from an abandoned one. */
    private final class Watch {
        private final String containerId;
        private final HealthMachine machine;
        private HealthState state;
        private long timer = -1;
        private long generation;
        private boolean stopped;

        Watch(String containerId, HealthMachine machine, HealthState state) {
            this.containerId = containerId;
            this.machine = machine;
            this.state = state;
        }

        void scheduleNext() {
            timer = scheduler.setTimer(machine.nextProbeDelay(state, clock.now()), this::probe);
        }

        void stop() {
            stopped = true;
            generation++;
            cancelTimer();
        }

        private void probe() {
            timer = -1;
            long probeGeneration = ++generation;
            Instant start = clock.now();
            Future<Prober.ProbeOutput> output;
            try {
                output = prober.probe(containerId, machine.check().timeout());
            } catch (RuntimeException e) {
                output = Future.failedFuture(e);
            }
            timer = scheduler.setTimer(machine.check().timeout(), () -> {
                timer = -1;
                finish(probeGeneration, machine.timedOut(start, clock.now()));
            });
            output.onComplete(done -> loop.runInLoop(() -> finish(probeGeneration, result(start, done))));
        }

        private ProbeResult result(Instant start, AsyncResult<Prober.ProbeOutput> done) {
            Instant end = clock.now();
            return done.succeeded()
                    ? new ProbeResult(
                            start, end, done.result().exitCode(), done.result().output())
                    : machine.couldNotRun(start, end, done.cause());
        }

        private void finish(long probeGeneration, ProbeResult result) {
            if (stopped || probeGeneration != generation) {
                return;
            }
            generation++;
            cancelTimer();
            Health before = state.status();
            state = machine.apply(state, result);
            scheduleNext();
            if (state.status() != before) {
                listener.accept(new HealthEvent(containerId, before, state.status(), state));
            }
        }

        private void cancelTimer() {
            if (timer != -1) {
                scheduler.cancel(timer);
                timer = -1;
            }
        }
    }
}
