/**
 * The engine's runtime: one Vert.x instance whose single event-loop context owns all engine state.
 *
 * <p>Concurrency model: engine drivers keep plain fields and run only on the {@link
 * dev.jcompose.engine.EngineLoop}; blocking host calls go through {@link
 * dev.jcompose.engine.EngineContext#blocking} and report back on the loop; time goes through the
 * {@link dev.jcompose.engine.Scheduler} seam (Vert.x timers in production, a manual scheduler in
 * tests). No engine code creates threads.
 */
package dev.jcompose.engine;
